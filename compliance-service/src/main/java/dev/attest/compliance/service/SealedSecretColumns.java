package dev.attest.compliance.service;

import dev.attest.common.crypto.SealedColumn;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where compliance-service keeps sealed secrets (each provider's settings, applicants' data), for master-key rotation
 * (common's MasterKeyRotation).
 */
public class SealedSecretColumns {

    @Produces
    @Singleton
    SealedColumn personaApiKeys() {
        return personaSettings("api_key_enc", "api-key");
    }

    @Produces
    @Singleton
    SealedColumn personaWebhookSecrets() {
        return personaSettings("webhook_secret_enc", "webhook-secret");
    }

    @Produces
    @Singleton
    SealedColumn personaPreviousWebhookSecrets() {
        return personaSettings("webhook_secret_previous_enc", "webhook-secret");
    }

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

    @Produces
    @Singleton
    SealedColumn applicantPersonalInfo() {
        return kycCase("personal_info_enc", "personal-info");
    }

    @Produces
    @Singleton
    SealedColumn applicantDocumentData() {
        return kycCase("document_data_enc", "document-data");
    }

    private static SealedColumn personaSettings(String column, String field) {
        return providerSettings("persona_settings", column, orgId -> PersonaSettingsService.context(orgId, field));
    }

    private static SealedColumn sumsubSettings(String column, String field) {
        return providerSettings("sumsub_settings", column, orgId -> SumsubSettingsService.context(orgId, field));
    }

    /** A column of a provider's settings table: one row per organization, sealed under the organization's context. */
    private static SealedColumn providerSettings(String table, String column, UnaryOperator<String> context) {
        return new SealedColumn(table, "org_id", column, List.of("org_id"), row -> context.apply(row.get(0)));
    }

    private static SealedColumn kycCase(String column, String field) {
        return new SealedColumn(
                "kyc_case",
                "id",
                column,
                List.of("org_id", "id"),
                row -> SealedApplicantData.context(row.get(0), row.get(1), field));
    }
}
