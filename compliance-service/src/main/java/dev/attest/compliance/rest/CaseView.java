package dev.attest.compliance.rest;

import dev.attest.compliance.KycCase;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A case as the API shows it: never its sealed personal data. {@code fallback_*} say when and why it went to its
 * project's fallback provider; {@code persona_inquiry_id} and {@code persona_status} repeat {@code provider_reference}
 * and {@code provider_status} for clients written before the second provider.
 */
public record CaseView(
        String caseId,
        String userId,
        String projectId,
        String status,
        BigDecimal score,
        String message,
        String provider,
        String providerReference,
        String providerStatus,
        String fallbackFrom,
        String fallbackReason,
        OffsetDateTime fallbackAt,
        String personaInquiryId,
        String personaStatus,
        String level,
        String reason,
        String decidedBy,
        OffsetDateTime decidedAt,
        String kycClaimId,
        String kycClaimTxHash,
        OffsetDateTime kycClaimRevokedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static CaseView of(KycCase kycCase) {
        return new CaseView(
                kycCase.id.toString(),
                kycCase.userId,
                kycCase.projectId,
                kycCase.status,
                kycCase.score,
                kycCase.kycStatus().message(),
                kycCase.provider,
                kycCase.providerReference,
                kycCase.providerStatus,
                kycCase.fallbackFrom,
                kycCase.fallbackReason,
                kycCase.fallbackAt,
                kycCase.providerReference,
                kycCase.providerStatus,
                kycCase.level,
                kycCase.reason,
                kycCase.decidedBy,
                kycCase.decidedAt,
                kycCase.kycClaimId,
                kycCase.kycClaimTxHash,
                kycCase.kycClaimRevokedAt,
                kycCase.createdAt,
                kycCase.updatedAt);
    }
}
