package dev.attest.compliance.rest;

import dev.attest.compliance.KycCase;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A case as the API shows it: never its sealed personal data. */
public record CaseView(
        String caseId,
        String userId,
        String projectId,
        String status,
        BigDecimal score,
        String message,
        String provider,
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
