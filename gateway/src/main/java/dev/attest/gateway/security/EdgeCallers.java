package dev.attest.gateway.security;

import dev.attest.gateway.config.GatewayConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns an authenticated identity into an {@link EdgeCaller}. Users' tokens are read with their issuer's
 * claim mapping ({@code attest.gateway.identity-providers.<tenant>}), so a further issuer (e.g. Privy)
 * is a matter of configuration: its quarkus-oidc tenant, resolved by the token's issuer, and its claims.
 */
@ApplicationScoped
public class EdgeCallers {
    /** The attribute quarkus-oidc sets on an identity: the id of the tenant that verified the token. */
    static final String OIDC_TENANT_ATTRIBUTE = "tenant-id";

    static final String DEFAULT_TENANT = "Default";

    private final GatewayConfig config;

    EdgeCallers(GatewayConfig config) {
        this.config = config;
    }

    public EdgeCaller of(SecurityIdentity identity) {
        EdgeCaller.ApiKeyGrant grant = identity.getAttribute(EdgeCaller.API_KEY_ATTRIBUTE);
        if (grant != null) {
            return EdgeCaller.of(grant);
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            GatewayConfig.IdentityProvider claims = config.identityProviders().get(tenantOf(identity));
            return new EdgeCaller(
                    token.getSubject(),
                    Optional.ofNullable(token.<Object>getClaim(claims.emailClaim()))
                            .map(EdgeCallers::claimText),
                    claims.orgClaim()
                            .flatMap(name -> Optional.ofNullable(token.<Object>getClaim(name)))
                            .map(EdgeCallers::claimText),
                    Set.copyOf(identity.getRoles()),
                    Optional.empty());
        }
        throw new IllegalStateException(
                "unexpected principal " + identity.getPrincipal().getClass());
    }

    private static String tenantOf(SecurityIdentity identity) {
        Object tenant = identity.getAttribute(OIDC_TENANT_ATTRIBUTE);
        return tenant == null ? DEFAULT_TENANT : tenant.toString();
    }

    private static String claimText(Object claim) {
        // JSON string claims arrive as JsonString, whose toString() keeps the quotes.
        return claim instanceof jakarta.json.JsonString json ? json.getString() : claim.toString();
    }
}
