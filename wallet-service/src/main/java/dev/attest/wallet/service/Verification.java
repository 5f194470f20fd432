package dev.attest.wallet.service;

/**
 * A verification status announced for a wallet's subject: a user's KYC case, or a business's KYB case (subject id
 * {@code business:<business_case_id>}). One provisioning path serves both.
 *
 * @param subject {@link dev.attest.wallet.Wallet#USER} or {@link dev.attest.wallet.Wallet#BUSINESS}
 * @param subjectId the user id, or the business's subject id
 * @param level the KYC level; null for a business (KYB has none)
 */
public record Verification(
        String subject, String subjectId, String caseId, String projectId, String status, String level) {}
