package dev.attest.gateway.audit;

import dev.attest.common.audit.AuditActor;
import dev.attest.common.audit.AuditChanges;
import dev.attest.common.audit.AuditEntry;
import dev.attest.common.audit.AuditTrail;
import dev.attest.gateway.ApiKey;
import dev.attest.gateway.Member;
import dev.attest.gateway.Organization;
import dev.attest.gateway.Project;
import dev.attest.gateway.security.EdgeCaller;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The gateway's admin actions in its audit trail (common's {@link AuditTrail}, in the caller's transaction): the
 * actor from the edge's caller (not a gateway token: the gateway has none of its own requests), the source from the
 * connection (its peer, or what a trusted proxy forwarded when {@code quarkus.http.proxy} says so; never a client's
 * own {@code X-Forwarded-For}). Settings are recorded as snapshots without secrets or personal data: an API key's hash
 * never, admin contacts as their number, a member by user id and role (no email).
 */
@ApplicationScoped
public class GatewayAudit {
    private final AuditTrail trail;
    private final Instance<CurrentVertxRequest> request;

    GatewayAudit(AuditTrail trail, Instance<CurrentVertxRequest> request) {
        this.trail = trail;
        this.request = request;
    }

    /** Records {@code action} by {@code caller} (with its roles in the organization) on behalf of {@code orgId}. */
    public void record(
            EdgeCaller caller,
            Set<String> roles,
            UUID orgId,
            UUID projectId,
            String action,
            String targetType,
            String targetId,
            Object before,
            Object after) {
        AuditEntry entry = AuditEntry.of(action, orgId == null ? null : orgId.toString(), targetType, targetId)
                .withProject(projectId == null ? null : projectId.toString())
                .withActor(actor(caller, roles))
                .withSource(source());
        if (before != null || after != null) {
            entry = entry.withChanges(AuditChanges.of(before, after, "key", "key_hash"));
        }
        trail.record(entry);
    }

    static AuditActor actor(EdgeCaller caller, Set<String> roles) {
        if (caller.isApiKey()) {
            return new AuditActor(caller.subject(), AuditActor.API_KEY, roles);
        }
        return new AuditActor(
                caller.subject(),
                caller.isPlatformAdmin() ? AuditActor.PLATFORM : AuditActor.USER,
                roles == null || roles.isEmpty() ? caller.realmRoles() : roles);
    }

    private AuditEntry.Source source() {
        if (!Arc.container().requestContext().isActive() || !request.isResolvable()) {
            return AuditEntry.Source.NONE;
        }
        RoutingContext context = request.get().getCurrent();
        if (context == null) {
            return AuditEntry.Source.NONE;
        }
        HttpServerRequest http = context.request();
        return new AuditEntry.Source(
                http.remoteAddress() == null ? null : http.remoteAddress().hostAddress(), http.getHeader("User-Agent"));
    }

    /** An organization's settings as the trail keeps them. */
    public record OrganizationSnapshot(String name, String slug, boolean selfSignup, int adminContacts) {
        public static OrganizationSnapshot of(Organization org) {
            return new OrganizationSnapshot(
                    org.name, org.slug, org.selfSignup, org.adminContacts == null ? 0 : org.adminContacts.size());
        }
    }

    /** A project's settings, its rate limit included. */
    public record ProjectSnapshot(
            String name,
            String environment,
            String kycProvider,
            String kycFallbackProvider,
            String walletNetwork,
            int rateLimitCapacity,
            double rateLimitRefillPerSecond) {
        public static ProjectSnapshot of(Project project) {
            return new ProjectSnapshot(
                    project.name,
                    project.environment,
                    project.kycProvider,
                    project.kycFallbackProvider,
                    project.walletNetwork,
                    project.rateLimitCapacity,
                    project.rateLimitRefillPerSecond);
        }
    }

    /** A member: the user id and role, never the email. */
    public record MemberSnapshot(String userId, String role) {
        public static MemberSnapshot of(Member member) {
            return new MemberSnapshot(member.userId, member.role);
        }
    }

    /** An API key: what identifies it and what it may do, never the key or its hash. */
    public record ApiKeySnapshot(String name, String prefix, String scopes, Instant expiresAt, Instant revokedAt) {
        public static ApiKeySnapshot of(ApiKey key) {
            return new ApiKeySnapshot(key.name, key.prefix, key.scopes, key.expiresAt, key.revokedAt);
        }
    }
}
