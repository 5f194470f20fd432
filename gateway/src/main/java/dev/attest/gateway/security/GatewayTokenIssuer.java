package dev.attest.gateway.security;

import dev.attest.common.security.GatewayToken;
import dev.attest.gateway.config.GatewayConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.TreeSet;

/** Signs the short-lived token (ES256) that the gateway passes with every request it forwards. */
@ApplicationScoped
public class GatewayTokenIssuer {
    private static final Duration LONGEST_LIFETIME = Duration.ofSeconds(60);

    private final SigningKey key;
    private final Duration lifetime;

    GatewayTokenIssuer(SigningKey key, GatewayConfig config) {
        this.key = key;
        // The services' contract: no gateway token lives longer than a minute.
        this.lifetime =
                config.tokenLifetime().compareTo(LONGEST_LIFETIME) > 0 ? LONGEST_LIFETIME : config.tokenLifetime();
    }

    public String issue(ForwardedIdentity identity) {
        JwtClaimsBuilder claims = Jwt.issuer(GatewayToken.ISSUER)
                .audience(GatewayToken.AUDIENCE)
                .subject(identity.subject())
                .groups(new TreeSet<>(identity.roles()))
                .expiresIn(lifetime);
        identity.orgId().ifPresent(org -> claims.claim(GatewayToken.ORG_ID, org));
        identity.orgSlug().ifPresent(slug -> claims.claim(GatewayToken.ORG_SLUG, slug));
        identity.projectId().ifPresent(project -> claims.claim(GatewayToken.PROJECT_ID, project));
        identity.email().ifPresent(email -> claims.claim(GatewayToken.EMAIL, email));
        if (!identity.scopes().isEmpty()) {
            claims.claim(GatewayToken.SCOPE, String.join(" ", new TreeSet<>(identity.scopes())));
        }
        return claims.jws()
                .keyId(key.keyId())
                .algorithm(SignatureAlgorithm.ES256)
                .sign(key.privateKey());
    }
}
