package dev.attest.gateway.proxy;

import dev.attest.common.problem.ProblemException;
import dev.attest.gateway.Project;
import dev.attest.gateway.ratelimit.RateLimitDecision;
import dev.attest.gateway.ratelimit.TokenBuckets;
import dev.attest.gateway.security.ApiScopes;
import dev.attest.gateway.security.EdgeCaller;
import dev.attest.gateway.security.ForwardedIdentity;
import dev.attest.gateway.security.GatewayTokenIssuer;
import dev.attest.gateway.service.OrgMembership;
import dev.attest.gateway.service.ProjectService;
import dev.attest.gateway.service.TenantAccess;
import dev.attest.gateway.service.UsageService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides, for an authenticated request to a service, the organization and project it acts in, whether
 * the caller may (404 for another tenant's path, 403 for a missing scope), whether the project's rate
 * limit allows it (429), and signs the token that states all of it to the service.
 */
@ApplicationScoped
public class EdgeAccess {
    private final TenantAccess access;
    private final ProjectService projects;
    private final TokenBuckets buckets;
    private final UsageService usage;
    private final GatewayTokenIssuer tokens;

    EdgeAccess(
            TenantAccess access,
            ProjectService projects,
            TokenBuckets buckets,
            UsageService usage,
            GatewayTokenIssuer tokens) {
        this.access = access;
        this.projects = projects;
        this.buckets = buckets;
        this.usage = usage;
        this.tokens = tokens;
    }

    /**
     * Runs on a worker thread, outside any transaction: each read and the rate-limit token commit on their
     * own, so a refusal rolls nothing back and a bucket's row lock is held for one statement only.
     */
    @Transactional(Transactional.TxType.NEVER)
    public ForwardDecision decide(
            EdgeCaller caller, Route route, String method, Optional<String> orgInPath, Optional<String> projectInPath) {
        Optional<OrgMembership> membership;
        Optional<UUID> projectId = caller.apiKey().map(EdgeCaller.ApiKeyGrant::projectId);
        try {
            membership =
                    orgInPath.isPresent() ? Optional.of(access.require(caller, orgInPath.get())) : access.home(caller);
            if (projectInPath.isPresent()) {
                projectId = Optional.of(projectOf(caller, membership.orElseThrow(), projectInPath.get()));
            }
            if (caller.apiKey().isPresent()) {
                String scope = ApiScopes.required(route.area(), method);
                if (!caller.apiKey().get().scopes().contains(scope)) {
                    throw ProblemException.forbidden("This API key lacks the scope " + scope + ".");
                }
            }
        } catch (ProblemException refusal) {
            return ForwardDecision.refuse(refusal, Map.of());
        }
        Map<String, String> headers = Map.of();
        if (caller.apiKey().isPresent()) {
            EdgeCaller.ApiKeyGrant key = caller.apiKey().get();
            Project project = projects.inOrg(key.orgId(), key.projectId()).orElseThrow();
            RateLimitDecision limit =
                    buckets.take(project.id, project.rateLimitCapacity, project.rateLimitRefillPerSecond);
            headers = limit.headers();
            if (!limit.allowed()) {
                return ForwardDecision.refuse(
                        new ProblemException(
                                429,
                                "rate-limited",
                                "Too many requests",
                                "The project's request rate limit is exhausted; retry after "
                                        + limit.retryAfterSeconds() + " s."),
                        headers);
            }
            usage.countRequest(project.orgId.toString(), project.id.toString());
        }
        return ForwardDecision.forward(tokens.issue(identity(caller, membership, projectId)), headers);
    }

    /** The project named in the path, if it is the caller's organization's (and the key's own); else 404. */
    private UUID projectOf(EdgeCaller caller, OrgMembership membership, String projectRef) {
        Optional<UUID> id = TenantAccess.parseUuid(projectRef)
                .flatMap(p -> projects.inOrg(membership.org().id, p))
                .map(p -> p.id)
                .filter(p ->
                        caller.apiKey().map(key -> key.projectId().equals(p)).orElse(true));
        return id.orElseThrow(() -> ProblemException.notFound("Project " + projectRef));
    }

    private static ForwardedIdentity identity(
            EdgeCaller caller, Optional<OrgMembership> membership, Optional<UUID> projectId) {
        Set<String> roles = membership
                .map(OrgMembership::roles)
                .orElseGet(() ->
                        caller.isPlatformAdmin() ? Set.of(dev.attest.common.security.Roles.PLATFORM_ADMIN) : Set.of());
        return new ForwardedIdentity(
                caller.subject(),
                membership.map(m -> m.org().id.toString()),
                projectId.map(UUID::toString),
                roles,
                caller.apiKey().map(EdgeCaller.ApiKeyGrant::scopes).orElse(Set.of()),
                caller.email());
    }
}
