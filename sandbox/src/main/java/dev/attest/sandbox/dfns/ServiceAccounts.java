package dev.attest.sandbox.dfns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Service-account tokens and their registered credential public keys. Tokens are JWTs carrying the org id
 * where the Dfns SDK looks for it ({@code https://custom/app_metadata}.{@code orgId}); the sandbox knows
 * its tokens by value, the signature only makes them look as Dfns's do.
 */
@ApplicationScoped
@Startup
public class ServiceAccounts {
    private final SecureRandom random = new SecureRandom();
    private final byte[] tokenKey = new byte[32];
    private final Map<String, Account> byToken = new ConcurrentHashMap<>();

    /** A service account: the Dfns org it acts in and the credentials that sign its user actions. */
    public record Account(String orgId, String tokenId, Map<String, PublicKey> credentials) {}

    ServiceAccounts(DfnsSandboxConfig config, Webhooks webhooks) {
        random.nextBytes(tokenKey);
        DfnsSandboxConfig.Bootstrap bootstrap = config.bootstrap();
        if (bootstrap.token().isPresent()
                && bootstrap.credentialId().isPresent()
                && bootstrap.publicKey().isPresent()) {
            register(
                    bootstrap.token().get(),
                    bootstrap.orgId(),
                    bootstrap.credentialId().get(),
                    CredentialKeys.parsePem(pemOrFile(bootstrap.publicKey().get())));
            if (bootstrap.webhookUrl().isPresent() && bootstrap.webhookSecret().isPresent()) {
                webhooks.register(
                        bootstrap.orgId(),
                        bootstrap.webhookUrl().get(),
                        bootstrap.webhookSecret().get());
            }
        }
    }

    /** Creates a service account in a new org with one credential; answers its token and ids. */
    public ObjectNode create(String publicKeyPem, String orgId) {
        PublicKey key = CredentialKeys.parsePem(publicKeyPem);
        String org = orgId == null || orgId.isBlank() ? Ids.next("or") : orgId;
        String credentialId = Ids.next("cr");
        String token = newToken(org);
        register(token, org, credentialId, key);
        ObjectNode answer = DfnsJson.object();
        answer.put("orgId", org);
        answer.put("token", token);
        answer.put("credentialId", credentialId);
        return answer;
    }

    /** The account of a bearer token, or 401 as Dfns answers it. */
    public Account authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw DfnsApiException.unauthorized("Authorization bearer token is required");
        }
        return Optional.ofNullable(byToken.get(authorization.substring(7).trim()))
                .orElseThrow(() -> DfnsApiException.unauthorized("Invalid or expired token"));
    }

    private void register(String token, String orgId, String credentialId, PublicKey key) {
        byToken.put(token, new Account(orgId, Ids.next("to"), Map.of(credentialId, key)));
    }

    private String newToken(String orgId) {
        String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String claims = encode("{\"iss\":\"auth.dfns.io\",\"sub\":\"" + Ids.next("to") + "\","
                + "\"https://custom/app_metadata\":{\"orgId\":\"" + orgId + "\",\"tokenKind\":\"ServiceAccount\"},"
                + "\"iat\":" + (System.currentTimeMillis() / 1000) + "}");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tokenKey, "HmacSHA256"));
            byte[] signature = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + CredentialKeys.base64Url(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return CredentialKeys.base64Url(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String pemOrFile(String value) {
        if (value.contains("BEGIN")) {
            return value;
        }
        try {
            return Files.readString(Path.of(value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sandbox.dfns.bootstrap.public-key " + value, e);
        }
    }
}
