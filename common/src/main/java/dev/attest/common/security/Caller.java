package dev.attest.common.security;

import dev.attest.common.problem.ProblemException;
import dev.attest.common.tenant.Tenants;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, as the gateway's token states it. Every query a service makes is scoped by {@link #orgId()}. */
@RequestScoped
public class Caller {
    private final JsonWebToken token;
    private final Instance<Tenants> tenants;

    Caller(JsonWebToken token, Instance<Tenants> tenants) {
        this.token = token;
        this.tenants = tenants;
    }

    /** The caller's organization; a token without one is refused. */
    public String orgId() {
        String orgId = token.getClaim(GatewayToken.ORG_ID);
        if (orgId == null || orgId.isBlank()) {
            throw ProblemException.forbidden("The caller acts in no organization.");
        }
        return orgId;
    }

    /**
     * The caller's organization id, if {@code pathOrg} (an {@code /orgs/{org}/...} path segment) names it by id
     * or by slug, as the gateway's paths do: the slug the token states, or, in a service that keeps the tenant
     * replica ({@link Tenants}), the slug the replica knows. Any other organization answers 404, as if it did not
     * exist. The one way every service resolves {@code {org}}.
     */
    public String ownOrg(String pathOrg) {
        String orgId = orgId();
        if (orgId.equals(pathOrg)
                || pathOrg.equals(token.<String>getClaim(GatewayToken.ORG_SLUG))
                || (tenants.isResolvable() && tenants.get().names(pathOrg, orgId))) {
            return orgId;
        }
        throw ProblemException.notFound("The organization");
    }

    public Optional<String> projectId() {
        return Optional.ofNullable(token.<String>getClaim(GatewayToken.PROJECT_ID));
    }

    /** The signed-in user (OIDC subject) or the API key id. */
    public String subject() {
        return token.getSubject();
    }

    public Optional<String> email() {
        return Optional.ofNullable(token.<String>getClaim(GatewayToken.EMAIL));
    }

    public boolean hasRole(String role) {
        return token.getGroups().contains(role);
    }

    public boolean hasScope(String scope) {
        return scopes().contains(scope);
    }

    public Set<String> scopes() {
        String scope = token.getClaim(GatewayToken.SCOPE);
        return scope == null ? Set.of() : Arrays.stream(scope.split(" ")).collect(Collectors.toUnmodifiableSet());
    }
}
