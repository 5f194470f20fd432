package dev.attest.gateway.proxy;

import dev.attest.common.problem.ProblemException;
import dev.attest.gateway.Project;
import dev.attest.gateway.admin.EdgeGuard;
import dev.attest.gateway.monitoring.TransferFreezes;
import dev.attest.gateway.ratelimit.CallerBuckets;
import dev.attest.gateway.ratelimit.RateLimitDecision;
import dev.attest.gateway.ratelimit.TokenBuckets;
import dev.attest.gateway.security.ApiScopes;
import dev.attest.gateway.security.EdgeCaller;
import dev.attest.gateway.security.ForwardedIdentity;
import dev.attest.gateway.security.GatewayTokenIssuer;
import dev.attest.gateway.service.OrgMembership;
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
 * the caller may (404 for another tenant's path, 403 for a missing scope), whether the rate limit allows it
 * (429: the project's, or the caller's when it acts in no project), and signs the token that states all of it
 * to the service.
 */
@ApplicationScoped
public class EdgeAccess {
    private final TenantAccess access;
    private final RequestProject requestProject;
    private final TokenBuckets buckets;
    private final CallerBuckets callerBuckets;
    private final UsageService usage;
    private final GatewayTokenIssuer tokens;
    private final EdgeGuard guard;
    private final TransferFreezes freezes;

    EdgeAccess(
            TenantAccess access,
            RequestProject requestProject,
            TokenBuckets buckets,
            CallerBuckets callerBuckets,
            UsageService usage,
            GatewayTokenIssuer tokens,
            EdgeGuard guard,
            TransferFreezes freezes) {
        this.access = access;
        this.requestProject = requestProject;
        this.buckets = buckets;
        this.callerBuckets = callerBuckets;
        this.usage = usage;
        this.tokens = tokens;
        this.guard = guard;
        this.freezes = freezes;
    }

    /**
     * Runs on a worker thread, outside any transaction: each read and the rate-limit token commit on their
     * own, so a refusal rolls nothing back and a bucket's row lock is held for one statement only.
     */
    @Transactional(Transactional.TxType.NEVER)
    public ForwardDecision decide(EdgeCaller caller, Route route, String method, String path, RequestTenant named) {
        Optional<OrgMembership> membership;
        Optional<Project> project;
        try {
            membership = named.org().isPresent()
                    ? Optional.of(access.require(caller, named.org().get()))
                    : access.home(caller);
            if (membership.isEmpty() && named.projectHeader().isPresent()) {
                membership = Optional.of(requestProject.organizationOf(
                        caller, named.projectHeader().get()));
            }
            project = requestProject.choose(caller, membership, named.projectInPath(), named.projectHeader());
            if (caller.apiKey().isPresent()) {
                String scope = ApiScopes.required(route.area(), method);
                if (!caller.apiKey().get().scopes().contains(scope)) {
                    throw ProblemException.forbidden("This API key lacks the scope " + scope + ".");
                }
            }
        } catch (ProblemException refusal) {
            return ForwardDecision.refuse(refusal, Map.of());
        }
        // Every request draws from a bucket, whoever sends it: its project's when it acts in one, else its
        // caller's in the organization it acts in (or the caller's alone when it acts in none).
        Optional<UUID> orgId = membership.map(m -> m.org().id);
        // A suspended user, organization or project is refused before anything is taken or forwarded (issue 20);
        // the organization's plan may set its projects' rate limit.
        EdgeGuard.Standing standing =
                guard.standing(caller, membership.map(OrgMembership::org), project.map(p -> p.id));
        if (standing.refusal().isPresent()) {
            return ForwardDecision.refuse(standing.refusal().get(), Map.of());
        }
        // an incident response may have frozen transfers here (docs/security-monitoring.md)
        if (TransferFreezes.movesValue(method, path)) {
            Optional<ProblemException> frozen = freezes.refusal(caller, orgId, project.map(p -> p.id));
            if (frozen.isPresent()) {
                return ForwardDecision.refuse(frozen.get(), Map.of());
            }
        }
        RateLimitDecision limit = project.map(
                        p -> buckets.take(p.id, standing.capacity(p), standing.refillPerSecond(p)))
                .orElseGet(() -> callerBuckets.take(caller.subject(), orgId));
        if (!limit.allowed()) {
            return ForwardDecision.refuse(
                    limit.refusal(project.isPresent() ? "The project's" : "Your"), limit.headers());
        }
        project.ifPresent(p -> usage.countRequest(p.orgId.toString(), p.id.toString()));
        dev.attest.gateway.analytics.RequestTiming.actingIn(orgId, project.map(p -> p.id));
        return ForwardDecision.forward(
                tokens.issue(identity(caller, membership, project.map(p -> p.id))), limit.headers());
    }

    /**
     * What a request names of its tenant: the organization and project in its path, and the project in
     * the {@value RequestProject#HEADER} header.
     */
    public record RequestTenant(Optional<String> org, Optional<String> projectInPath, Optional<String> projectHeader) {}

    private static ForwardedIdentity identity(
            EdgeCaller caller, Optional<OrgMembership> membership, Optional<UUID> projectId) {
        Set<String> roles = membership
                .map(OrgMembership::roles)
                .orElseGet(() ->
                        caller.isPlatformAdmin() ? Set.of(dev.attest.common.security.Roles.PLATFORM_ADMIN) : Set.of());
        return new ForwardedIdentity(
                caller.subject(),
                membership.map(m -> m.org().id.toString()),
                membership.map(m -> m.org().slug),
                projectId.map(UUID::toString),
                roles,
                caller.apiKey().map(EdgeCaller.ApiKeyGrant::scopes).orElse(Set.of()),
                caller.email());
    }
}
