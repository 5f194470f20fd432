package dev.attest.gateway.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Real OIDC access tokens shaped like Keycloak's realm {@code attest} (realm roles under {@code
 * realm_access.roles}, {@code email}, {@code org_id}, issued to the console's client {@code attest-web}, which
 * is their audience), signed with the key whose JWKS the quarkus-test-oidc-server ({@code
 * OidcWiremockTestResource}) serves.
 */
public final class OidcUsers {
    public static final String ISSUER = "https://server.example.com";
    /** The console's public client: what the realm's tokens for Attest name as audience and authorized party. */
    public static final String CONSOLE_CLIENT = "attest-web";

    private OidcUsers() {}

    public static String platformAdmin() {
        return token("platform-admin-" + UUID.randomUUID(), "ops@attest.test", null, "platform-admin");
    }

    /** A signed-in user with no organization claim: what they may do comes from the member list. */
    public static String user(String subject) {
        return token(subject, subject + "@example.test", null, "user");
    }

    /** An end user the identity provider signed up for {@code orgId}. */
    public static String userOf(String orgId, String subject, String... realmRoles) {
        return token(subject, subject + "@example.test", orgId, realmRoles);
    }

    public static String token(String subject, String email, String orgId, String... realmRoles) {
        return clientToken(CONSOLE_CLIENT, Set.of(CONSOLE_CLIENT), subject, email, orgId, realmRoles);
    }

    /**
     * A token the same realm issued to {@code client} ({@code azp}) for {@code audience} (none: no {@code aud}
     * claim, as Keycloak's {@code admin-cli} tokens), with the same signature and claims as a console user's.
     */
    public static String clientToken(
            String client, Set<String> audience, String subject, String email, String orgId, String... realmRoles) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .claim("azp", client)
                .subject(subject)
                .preferredUserName(subject)
                .claim("realm_access", Map.of("roles", List.of(realmRoles)))
                .expiresIn(300);
        if (!audience.isEmpty()) {
            claims.audience(audience);
        }
        if (email != null) {
            claims.claim("email", email);
        }
        if (orgId != null) {
            claims.claim("org_id", orgId);
        }
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }

    /** The same claims signed by a key the identity provider never published. */
    public static String forged(String subject) {
        return Jwt.issuer(ISSUER)
                .audience(CONSOLE_CLIENT)
                .subject(subject)
                .claim("realm_access", Map.of("roles", List.of("platform-admin")))
                .expiresIn(300)
                .jws()
                .keyId("1")
                .sign(newRsaKey());
    }

    private static java.security.PrivateKey newRsaKey() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
