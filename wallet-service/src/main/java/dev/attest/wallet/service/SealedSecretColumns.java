package dev.attest.wallet.service;

import dev.attest.common.crypto.SealedColumn;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** Where wallet-service keeps sealed secrets, for master-key rotation (common's MasterKeyRotation). */
public class SealedSecretColumns {

    @Produces
    @Singleton
    SealedColumn dfnsTokens() {
        return dfnsSettings("token_sealed", "token");
    }

    @Produces
    @Singleton
    SealedColumn dfnsPrivateKeys() {
        return dfnsSettings("private_key_sealed", "private-key");
    }

    @Produces
    @Singleton
    SealedColumn dfnsWebhookSecrets() {
        return dfnsSettings("webhook_secret_sealed", "webhook-secret");
    }

    @Produces
    @Singleton
    SealedColumn dfnsPreviousWebhookSecrets() {
        return dfnsSettings("previous_webhook_secret_sealed", "previous-webhook-secret");
    }

    private static SealedColumn dfnsSettings(String column, String field) {
        return new SealedColumn(
                "dfns_settings",
                "org_id",
                column,
                List.of("org_id"),
                row -> DfnsSettingsService.context(row.get(0), field));
    }
}
