package dev.attest.compliance.service;

import dev.attest.common.crypto.SealedColumn;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** Where compliance-service keeps sealed secrets, for master-key rotation (common's MasterKeyRotation). */
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
    SealedColumn applicantPersonalInfo() {
        return kycCase("personal_info_enc", "personal-info");
    }

    @Produces
    @Singleton
    SealedColumn applicantDocumentData() {
        return kycCase("document_data_enc", "document-data");
    }

    private static SealedColumn personaSettings(String column, String field) {
        return new SealedColumn(
                "persona_settings",
                "org_id",
                column,
                List.of("org_id"),
                row -> PersonaSettingsService.context(row.get(0), field));
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
