package dev.attest.compliance.business;

import dev.attest.compliance.service.ClaimReferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The references of the on-chain KYB claim issued for a business case (by identity-service, or an organization's
 * own issuer through the API). Nothing is announced: identity-service's claim events are the claim's announcement.
 */
@ApplicationScoped
public class BusinessClaims {
    private final BusinessCaseRepository cases;

    BusinessClaims(BusinessCaseRepository cases) {
        this.cases = cases;
    }

    /**
     * Records the claim of a business case; the same references again change nothing.
     *
     * @return the case, or empty when the organization has no such case
     */
    @Transactional
    public Optional<BusinessCase> record(String orgId, UUID caseId, String claimId, String txHash) {
        return cases.lockInOrg(orgId, caseId).map(businessCase -> {
            if (!ClaimReferences.held(
                    businessCase.kybClaimId,
                    businessCase.kybClaimTxHash,
                    businessCase.kybClaimRevokedAt,
                    claimId,
                    txHash)) {
                businessCase.kybClaimId = claimId;
                businessCase.kybClaimTxHash = txHash;
                businessCase.kybClaimRevokedAt = null;
                businessCase.updatedAt = OffsetDateTime.now();
            }
            return businessCase;
        });
    }

    /** Marks the case's claim revoked, if it is the claim the case holds. */
    @Transactional
    public void revoked(String orgId, UUID caseId, String claimId) {
        cases.lockInOrg(orgId, caseId)
                .filter(businessCase ->
                        ClaimReferences.revocable(businessCase.kybClaimId, businessCase.kybClaimRevokedAt, claimId))
                .ifPresent(businessCase -> {
                    businessCase.kybClaimRevokedAt = OffsetDateTime.now();
                    businessCase.updatedAt = businessCase.kybClaimRevokedAt;
                });
    }
}
