package dev.attest.notification.webhook;

import dev.attest.common.crypto.SealedColumn;
import dev.attest.common.crypto.SecretCipher;
import dev.attest.notification.WebhookEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Seals and opens the signing secrets of endpoints; plaintext secrets live only in memory. */
@ApplicationScoped
public class EndpointSecrets {
    private final SecretCipher cipher;

    EndpointSecrets(SecretCipher cipher) {
        this.cipher = cipher;
    }

    public String seal(WebhookEndpoint endpoint, String secret) {
        return cipher.encrypt(secret, context(endpoint));
    }

    /** The secrets that sign at {@code now}: the current one, and the previous one during its grace period. */
    public List<String> signingSecrets(WebhookEndpoint endpoint, Instant now) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(cipher.decrypt(endpoint.secret, context(endpoint)));
        if (endpoint.previousSecret != null
                && endpoint.previousSecretUntil != null
                && now.isBefore(endpoint.previousSecretUntil)) {
            secrets.add(cipher.decrypt(endpoint.previousSecret, context(endpoint)));
        }
        return secrets;
    }

    private static String context(WebhookEndpoint endpoint) {
        return context(endpoint.orgId, endpoint.id.toString());
    }

    /** Binds a signing secret to its endpoint: copied to another row, it does not open. */
    static String context(String orgId, String endpointId) {
        return "org:" + orgId + "/webhook-endpoint:" + endpointId + "/signing-secret";
    }

    /** The columns master-key rotation re-seals. */
    @Produces
    @Singleton
    SealedColumn currentSecrets() {
        return endpointColumn("secret");
    }

    @Produces
    @Singleton
    SealedColumn previousSecrets() {
        return endpointColumn("previous_secret");
    }

    private static SealedColumn endpointColumn(String column) {
        return new SealedColumn(
                "webhook_endpoint", "id", column, List.of("org_id", "id"), row -> context(row.get(0), row.get(1)));
    }
}
