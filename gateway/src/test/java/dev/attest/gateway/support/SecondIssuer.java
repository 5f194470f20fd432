package dev.attest.gateway.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * A second identity provider shaped like Privy: no discovery document, an ES256 key published as a JWKS,
 * issuer {@value #ISSUER} (not a URL), the app id as audience, and its own claims for the organization
 * ({@code attest_org}) and roles ({@code attest_roles}). Configured as the quarkus-oidc tenant {@code
 * privy}, by configuration only.
 */
public class SecondIssuer implements QuarkusTestResourceLifecycleManager {
    public static final String ISSUER = "privy.test";
    public static final String AUDIENCE = "attest-app";
    private static final String KEY_ID = "privy-key-1";
    private static final EllipticCurveJsonWebKey KEY = newKey(KEY_ID);
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = ("{\"keys\":[" + KEY.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/api/v1/apps/attest-app/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
        String tenant = "quarkus.oidc.privy.";
        return Map.of(
                tenant + "auth-server-url",
                "http://127.0.0.1:" + server.getAddress().getPort(),
                tenant + "discovery-enabled",
                "false",
                tenant + "jwks-path",
                "api/v1/apps/attest-app/jwks.json",
                tenant + "application-type",
                "service",
                tenant + "token.issuer",
                ISSUER,
                tenant + "token.audience",
                AUDIENCE,
                tenant + "roles.role-claim-path",
                "attest_roles",
                "attest.gateway.identity-providers.privy.org-claim",
                "attest_org",
                "attest.gateway.identity-providers.privy.email-claim",
                "verified_email");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A Privy user's access token; {@code orgId} null: the token names no organization. */
    public static String user(String did, String orgId, String... roles) {
        return sign(claims(ISSUER, did, orgId, roles), KEY.getPrivateKey());
    }

    /** A token of an issuer the gateway was never configured for, signed with the same key. */
    public static String unknownIssuer(String did, String orgId) {
        return sign(claims("https://elsewhere.test", did, orgId, "platform-admin"), KEY.getPrivateKey());
    }

    /** A token claiming to be Privy's, signed with a key Privy never published. */
    public static String forged(String did, String orgId) {
        return sign(claims(ISSUER, did, orgId, "platform-admin"), newKey(KEY_ID).getPrivateKey());
    }

    /** A Privy token carrying the Keycloak tenant's claims (org_id, realm roles) but not Privy's. */
    public static String withKeycloakClaims(String did, String orgId) {
        JwtClaimsBuilder claims = claims(ISSUER, did, null)
                .claim("org_id", orgId)
                .claim("realm_access", Map.of("roles", List.of("org-admin", "platform-admin")));
        return sign(claims, KEY.getPrivateKey());
    }

    private static JwtClaimsBuilder claims(String issuer, String did, String orgId, String... roles) {
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .audience(AUDIENCE)
                .subject(did)
                .claim("sid", "session-" + did)
                .claim("verified_email", did.substring(did.lastIndexOf(':') + 1) + "@privy-user.test")
                .claim("attest_roles", List.of(roles))
                .expiresIn(300);
        if (orgId != null) {
            claims.claim("attest_org", orgId);
        }
        return claims;
    }

    private static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().keyId(KEY_ID).algorithm(SignatureAlgorithm.ES256).sign(key);
    }

    private static EllipticCurveJsonWebKey newKey(String keyId) {
        try {
            EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setKeyId(keyId);
            key.setAlgorithm("ES256");
            key.setUse("sig");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
