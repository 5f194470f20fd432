package dev.attest.common.audit;

import dev.attest.common.security.Roles;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who acted: a signed-in person ({@value #USER}), a project API key ({@value #API_KEY}), a platform admin
 * ({@value #PLATFORM}), or the service itself ({@value #SERVICE}: a job, an event handler).
 *
 * @param subject the OIDC subject, the API key id, or the service's name; never an email or a name
 * @param kind one of the four kinds
 * @param roles the roles the actor held for this action, sorted
 */
public record AuditActor(String subject, String kind, Set<String> roles) {
    public static final String USER = "user";
    public static final String API_KEY = "api-key";
    public static final String SERVICE = "service";
    public static final String PLATFORM = "platform";

    public AuditActor {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        roles = roles == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(roles));
    }

    /** An actor of the kind its roles say: an API key, a platform admin, or a user. */
    public static AuditActor of(String subject, Collection<String> roles) {
        Set<String> held = roles == null ? Set.of() : new TreeSet<>(roles);
        String kind = held.contains(Roles.API_KEY) ? API_KEY : held.contains(Roles.PLATFORM_ADMIN) ? PLATFORM : USER;
        return new AuditActor(subject, kind, held);
    }

    /** The service itself, acting without a caller. */
    public static AuditActor service(String name) {
        return new AuditActor(name, SERVICE, Set.of());
    }

    /** The roles as stored: sorted, space separated. */
    String rolesText() {
        return String.join(" ", roles);
    }
}
