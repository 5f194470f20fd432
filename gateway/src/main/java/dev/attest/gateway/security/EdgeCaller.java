package dev.attest.gateway.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who called the gateway, as authenticated at the edge: a signed-in user (OIDC token) or a server with a
 * project API key. What they may do in an organization is decided by {@link
 * dev.attest.gateway.service.TenantAccess}.
 *
 * @param subject the OIDC subject, or the API key id
 * @param email the user's email, when the identity provider states one
 * @param orgClaim the organization claim of the user's token (per issuer, see {@link EdgeCallers}): the
 *     organization the user signed up with
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

    static EdgeCaller of(ApiKeyGrant grant) {
        return new EdgeCaller(
                grant.keyId().toString(), Optional.empty(), Optional.empty(), Set.of(), Optional.of(grant));
    }

    public boolean isApiKey() {
        return apiKey.isPresent();
    }

    public boolean isPlatformAdmin() {
        return realmRoles.contains(dev.attest.common.security.Roles.PLATFORM_ADMIN);
    }

    /** What a valid API key grants: acting in one project of one organization, within its scopes. */
    public record ApiKeyGrant(UUID keyId, UUID orgId, UUID projectId, Set<String> scopes) {}
}
