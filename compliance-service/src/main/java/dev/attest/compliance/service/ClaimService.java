package dev.attest.compliance.service;

import dev.attest.common.outbox.Outbox;
import dev.attest.compliance.KycCase;
import dev.attest.compliance.events.KycEvents;
import dev.attest.compliance.repository.KycCaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The references of the on-chain KYC claim issued for a case (by identity-service or an external issuer). */
@ApplicationScoped
public class ClaimService {
    private final KycCaseRepository cases;
    private final Outbox outbox;

    ClaimService(KycCaseRepository cases, Outbox outbox) {
        this.cases = cases;
        this.outbox = outbox;
    }

    /**
     * Records the claim of a case; recording the same references again changes nothing and announces
     * nothing.
     *
     * @return the case, or empty when the organization has no such case
     */
    @Transactional
    public Optional<KycCase> record(String orgId, UUID caseId, String claimId, String txHash) {
        return cases.lockInOrg(orgId, caseId).map(kycCase -> record(kycCase, claimId, txHash));
    }

    private KycCase record(KycCase kycCase, String claimId, String txHash) {
        if (ClaimReferences.held(
                kycCase.kycClaimId, kycCase.kycClaimTxHash, kycCase.kycClaimRevokedAt, claimId, txHash)) {
            return kycCase;
        }
        kycCase.kycClaimId = claimId;
        kycCase.kycClaimTxHash = txHash;
        kycCase.kycClaimRevokedAt = null;
        kycCase.updatedAt = OffsetDateTime.now();
        outbox.publish(KycEvents.claimRecorded(kycCase));
        return kycCase;
    }

    /** Marks the case's claim revoked, if it is the claim the case holds. */
    @Transactional
    public void revoked(String orgId, UUID caseId, String claimId) {
        cases.lockInOrg(orgId, caseId)
                .filter(kycCase -> ClaimReferences.revocable(kycCase.kycClaimId, kycCase.kycClaimRevokedAt, claimId))
                .ifPresent(kycCase -> {
                    kycCase.kycClaimRevokedAt = OffsetDateTime.now();
                    kycCase.updatedAt = kycCase.kycClaimRevokedAt;
                });
    }
}
