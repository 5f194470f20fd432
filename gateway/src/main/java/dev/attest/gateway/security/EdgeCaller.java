package dev.attest.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who called the gateway, as authenticated at the edge: a signed-in user (OIDC token) or a server with a
 * project API key. What they may do in an organization is decided by {@link
 * dev.attest.gateway.service.TenantAccess}.
 *
 * @param subject the OIDC subject, or the API key id
 * @param email the user's email, when the identity provider states one
 * @param orgClaim the {@code org_id} claim of the user's token: the organization the user signed up with
 * @param realmRoles the identity provider's roles (platform-admin, org-admin, user)
 * @param apiKey the key's grant when the caller is a server
 */
public record EdgeCaller(
        String subject,
        Optional<String> email,
        Optional<String> orgClaim,
        Set<String> realmRoles,
        Optional<ApiKeyGrant> apiKey) {

    /** The attribute of the security identity that carries an API key's grant. */
    public static final String API_KEY_ATTRIBUTE = "attest.api-key";

    public static EdgeCaller of(SecurityIdentity identity) {
        ApiKeyGrant grant = identity.getAttribute(API_KEY_ATTRIBUTE);
        if (grant != null) {
            return new EdgeCaller(
                    grant.keyId().toString(), Optional.empty(), Optional.empty(), Set.of(), Optional.of(grant));
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return new EdgeCaller(
                    token.getSubject(),
                    Optional.ofNullable(token.<String>getClaim("email")),
                    Optional.ofNullable(token.<Object>getClaim("org_id")).map(EdgeCaller::claimText),
                    Set.copyOf(identity.getRoles()),
                    Optional.empty());
        }
        throw new IllegalStateException(
                "unexpected principal " + identity.getPrincipal().getClass());
    }

    public boolean isApiKey() {
        return apiKey.isPresent();
    }

    public boolean isPlatformAdmin() {
        return realmRoles.contains(dev.attest.common.security.Roles.PLATFORM_ADMIN);
    }

    private static String claimText(Object claim) {
        // JSON string claims arrive as JsonString, whose toString() keeps the quotes.
        return claim instanceof jakarta.json.JsonString json ? json.getString() : claim.toString();
    }

    /** What a valid API key grants: acting in one project of one organization, within its scopes. */
    public record ApiKeyGrant(UUID keyId, UUID orgId, UUID projectId, Set<String> scopes) {}
}
