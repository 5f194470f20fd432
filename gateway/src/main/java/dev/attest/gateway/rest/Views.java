package dev.attest.gateway.rest;

import dev.attest.gateway.ApiKey;
import dev.attest.gateway.Member;
import dev.attest.gateway.Organization;
import dev.attest.gateway.Project;
import dev.attest.gateway.service.OrgMembership;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What the tenancy API answers: explicit views of the entities, never the entities themselves. */
final class Views {
    private Views() {}

    /** An organization, and the caller's roles in it ({@code my_roles}), so that a client shows what they may do. */
    record OrganizationView(
            UUID id,
            String slug,
            String name,
            List<String> adminContacts,
            boolean selfSignup,
            Instant createdAt,
            Set<String> myRoles) {
        static OrganizationView of(OrgMembership membership) {
            Organization org = membership.org();
            return new OrganizationView(
                    org.id,
                    org.slug,
                    org.name,
                    List.copyOf(org.adminContacts),
                    org.selfSignup,
                    org.createdAt,
                    new java.util.TreeSet<>(membership.roles()));
        }
    }

    record RateLimitView(int capacity, double refillPerSecond) {}

    record ProjectView(
            UUID id,
            UUID orgId,
            String name,
            String environment,
            String kycProvider,
            String kycFallbackProvider,
            String walletNetwork,
            RateLimitView rateLimit,
            Instant createdAt) {
        static ProjectView of(Project p) {
            return new ProjectView(
                    p.id,
                    p.orgId,
                    p.name,
                    p.environment,
                    p.kycProvider,
                    p.kycFallbackProvider,
                    p.walletNetwork,
                    new RateLimitView(p.rateLimitCapacity, p.rateLimitRefillPerSecond),
                    p.createdAt);
        }
    }

    record MemberView(String userId, String email, String role, Instant createdAt) {
        static MemberView of(Member m) {
            return new MemberView(m.userId, m.email, m.role, m.createdAt);
        }
    }

    /** A key as listed: never the key, never its hash. */
    record ApiKeyView(
            UUID id,
            UUID projectId,
            String name,
            String prefix,
            Set<String> scopes,
            Instant expiresAt,
            Instant lastUsedAt,
            Instant revokedAt,
            Instant createdAt) {
        static ApiKeyView of(ApiKey k) {
            return new ApiKeyView(
                    k.id,
                    k.projectId,
                    k.name,
                    k.prefix,
                    k.scopeSet(),
                    k.expiresAt,
                    k.lastUsedAt,
                    k.revokedAt,
                    k.createdAt);
        }
    }

    /** A key just issued: the only answer that contains the key itself. */
    record IssuedApiKeyView(
            UUID id, UUID projectId, String name, String prefix, Set<String> scopes, Instant expiresAt, String key) {
        static IssuedApiKeyView of(ApiKey k, String key) {
            return new IssuedApiKeyView(k.id, k.projectId, k.name, k.prefix, k.scopeSet(), k.expiresAt, key);
        }
    }
}
