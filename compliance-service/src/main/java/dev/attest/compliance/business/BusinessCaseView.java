package dev.attest.compliance.business;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A business case as the API shows it: company facts, statuses, and its owners by position, role and share (never
 * who they are). {@code session_token} and the owners' {@code verification_link} only in the answer to applying.
 */
public record BusinessCaseView(
        String businessCaseId,
        String status,
        String verificationStatus,
        String provider,
        String providerReference,
        String providerStatus,
        String sessionToken,
        String reason,
        String decidedBy,
        OffsetDateTime decidedAt,
        String representativeUserId,
        String projectId,
        String legalName,
        String registrationNumber,
        String countryCode,
        List<OwnerView> owners,
        String kybClaimId,
        String kybClaimTxHash,
        OffsetDateTime kybClaimRevokedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public record OwnerView(
            String ownerId,
            int position,
            String role,
            BigDecimal ownershipPercent,
            String kycCaseId,
            String kycStatus,
            String verificationLink) {

        static OwnerView of(KybService.ShownOwner shown) {
            return new OwnerView(
                    shown.owner().id.toString(),
                    shown.owner().position,
                    shown.owner().role,
                    shown.owner().ownershipPercent,
                    shown.kycCaseId().map(Object::toString).orElse(null),
                    shown.kycStatus().wire(),
                    shown.verificationLink().orElse(null));
        }
    }

    static BusinessCaseView of(KybService.Shown shown) {
        BusinessCase c = shown.businessCase();
        return new BusinessCaseView(
                c.id.toString(),
                c.status,
                c.verificationStatus,
                c.provider,
                c.providerReference,
                c.providerStatus,
                shown.sessionToken().orElse(null),
                c.reason,
                c.decidedBy,
                c.decidedAt,
                c.representativeUserId,
                c.projectId,
                c.legalName,
                c.registrationNumber,
                c.countryCode,
                shown.owners().stream().map(OwnerView::of).toList(),
                c.kybClaimId,
                c.kybClaimTxHash,
                c.kybClaimRevokedAt,
                c.createdAt,
                c.updatedAt);
    }
}
