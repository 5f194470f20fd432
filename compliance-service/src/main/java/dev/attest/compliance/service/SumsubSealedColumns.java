package dev.attest.compliance.service;

import dev.attest.common.crypto.SealedColumn;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** Sumsub's sealed secrets, for master-key rotation (common's MasterKeyRotation), beside SealedSecretColumns. */
public class SumsubSealedColumns {

    @Produces
    @Singleton
    SealedColumn sumsubAppTokens() {
        return sumsubSettings("app_token_enc", "app-token");
    }

    @Produces
    @Singleton
    SealedColumn sumsubSecretKeys() {
        return sumsubSettings("secret_key_enc", "secret-key");
    }

    @Produces
    @Singleton
    SealedColumn sumsubWebhookSecrets() {
        return sumsubSettings("webhook_secret_enc", "webhook-secret");
    }

    @Produces
    @Singleton
    SealedColumn sumsubPreviousWebhookSecrets() {
        return sumsubSettings("webhook_secret_previous_enc", "webhook-secret");
    }

    private static SealedColumn sumsubSettings(String column, String field) {
        return new SealedColumn(
                "sumsub_settings",
                "org_id",
                column,
                List.of("org_id"),
                row -> SumsubSettingsService.context(row.get(0), field));
    }
}
