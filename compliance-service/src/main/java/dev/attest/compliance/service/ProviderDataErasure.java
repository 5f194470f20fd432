package dev.attest.compliance.service;

import dev.attest.common.tenant.OrganizationErasure.Erasure;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * What compliance-service erases of a deleted organization (common's OrganizationErasure): its Persona and Sumsub
 * settings (API keys, tokens, webhook secrets) and its applicants' sealed personal data.
 */
public class ProviderDataErasure {
    @Produces
    @Singleton
    Erasure personaSettings() {
        return new Erasure("persona_settings", "delete from persona_settings where org_id = ?");
    }

    @Produces
    @Singleton
    Erasure sumsubSettings() {
        return new Erasure("sumsub_settings", "delete from sumsub_settings where org_id = ?");
    }

    @Produces
    @Singleton
    Erasure sealedApplicantData() {
        return new Erasure(
                "sealed_applicant_data",
                "update kyc_case set personal_info_enc = null, document_data_enc = null where org_id = ?"
                        + " and (personal_info_enc is not null or document_data_enc is not null)");
    }
}
