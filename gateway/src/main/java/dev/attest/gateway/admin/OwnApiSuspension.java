package dev.attest.gateway.admin;

import dev.attest.common.problem.ProblemException;
import dev.attest.gateway.Organization;
import dev.attest.gateway.security.EdgeCaller;
import dev.attest.gateway.security.EdgeCallers;
import dev.attest.gateway.service.ProjectService;
import dev.attest.gateway.service.TenantAccess;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The gateway's own API refuses suspended callers and tenants too (403 {@code suspended}), as {@link EdgeGuard}
 * does at the edge of the routed API: a suspended user everywhere; an organization or project named in the path
 * ({@code {org}}, {@code {project}}) when it is suspended, except to platform admins, who inspect and reactivate
 * them. An organization is checked only for its members, and a project only when it is that organization's: anyone
 * else gets the resource's own answer (404), and learns nothing of a suspension. Runs after the route is matched, on
 * the worker thread of the blocking resource methods.
 */
public class OwnApiSuspension {
    private final SecurityIdentity identity;
    private final EdgeCallers callers;
    private final EdgeGuard guard;
    private final TenantAccess access;
    private final ProjectService projects;

    OwnApiSuspension(
            SecurityIdentity identity,
            EdgeCallers callers,
            EdgeGuard guard,
            TenantAccess access,
            ProjectService projects) {
        this.identity = identity;
        this.callers = callers;
        this.guard = guard;
        this.access = access;
        this.projects = projects;
    }

    @ServerRequestFilter
    public void refuseSuspended(ContainerRequestContext request) {
        if (identity.isAnonymous()) {
            return;
        }
        EdgeCaller caller = callers.of(identity);
        Optional<Organization> org = Optional.empty();
        Optional<UUID> project = Optional.empty();
        if (!caller.isPlatformAdmin() && !caller.isApiKey()) {
            MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
            org = Optional.ofNullable(path.getFirst("org")).flatMap(ref -> memberOf(caller, ref));
            Optional<UUID> orgId = org.map(o -> o.id);
            project = Optional.ofNullable(path.getFirst("project"))
                    .flatMap(TenantAccess::parseUuid)
                    .filter(id -> orgId.flatMap(o -> projects.inOrg(o, id)).isPresent());
        }
        guard.standing(caller, org, project).refusal().ifPresent(refusal -> {
            throw refusal;
        });
    }

    /** The organization {@code ref} names, if the caller belongs to it; else none (the resource answers). */
    private Optional<Organization> memberOf(EdgeCaller caller, String ref) {
        if (ref.indexOf('\0') >= 0 || ref.length() > 255) {
            return Optional.empty();
        }
        try {
            return Optional.of(access.require(caller, ref).org());
        } catch (ProblemException notTheirs) {
            return Optional.empty();
        }
    }
}
