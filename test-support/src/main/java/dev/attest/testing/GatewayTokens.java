package dev.attest.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Signs tokens the way the gateway does (ES256, issuer {@code attest-gateway}, audience
 * {@code attest-services}, 60 s), with a key pair made for this JVM, and points the service under test at
 * its public key. Tests call a service with exactly what the gateway would send it.
 */
public class GatewayTokens implements QuarkusTestResourceLifecycleManager {
    private static KeyPair keys;
    private static Path publicKeyFile;

    @Override
    public Map<String, String> start() {
        ensureKeys();
        return Map.of("mp.jwt.verify.publickey.location", publicKeyFile.toUri().toString());
    }

    @Override
    public void stop() {}

    /** A token for a signed-in user of {@code orgId} with {@code roles}. */
    public static String user(String orgId, String subject, String... roles) {
        return sign(claims(orgId, subject, roles), ensureKeys().getPrivate());
    }

    /** A token for a signed-in user of {@code orgId}, whose slug the gateway states too. */
    public static String user(String orgId, String orgSlug, String subject, String[] roles) {
        return sign(
                claims(orgId, subject, roles).claim("org_slug", orgSlug),
                ensureKeys().getPrivate());
    }

    /** A token for a project API key of {@code orgId} with {@code scopes}. */
    public static String apiKey(String orgId, String projectId, String keyId, String... scopes) {
        JwtClaimsBuilder claims =
                claims(orgId, keyId, "api-key").claim("project_id", projectId).claim("scope", String.join(" ", scopes));
        return sign(claims, ensureKeys().getPrivate());
    }

    /** A token signed by another key: what a forged or foreign token looks like to a service. */
    public static String forged(String orgId, String subject, String... roles) {
        return sign(claims(orgId, subject, roles), newKeyPair().getPrivate());
    }

    private static JwtClaimsBuilder claims(String orgId, String subject, String... roles) {
        return Jwt.issuer("attest-gateway")
                .audience("attest-services")
                .subject(subject)
                .claim("org_id", orgId)
                .groups(Set.of(roles))
                .expiresIn(60);
    }

    private static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().algorithm(SignatureAlgorithm.ES256).sign(key);
    }

    private static synchronized KeyPair ensureKeys() {
        if (keys == null) {
            keys = newKeyPair();
            try {
                publicKeyFile = Files.createDirectories(Path.of("target")).resolve("gateway-token-key.pem");
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes())
                                .encodeToString(keys.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(publicKeyFile, pem);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
