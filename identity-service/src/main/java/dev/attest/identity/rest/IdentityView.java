package dev.attest.identity.rest;

import dev.attest.identity.Claim;
import dev.attest.identity.Identity;
import dev.attest.identity.service.IdentityQueries.UserIdentity;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/** A user's (or business's: {@code subject}) identity as the API shows it. */
public record IdentityView(
        String userId,
        String subject,
        String status,
        String identityAddress,
        List<String> wallets,
        List<ClaimView> claims,
        String failureReason) {

    /**
     * One claim and where it stands: {@code issuing}, {@code issued}, {@code revoking}, {@code revoked}, {@code
     * failed}; {@code updatedAt} is when it reached that status.
     */
    public record ClaimView(
            BigInteger topic,
            String status,
            String kycCaseId,
            String issuerAddress,
            String claimId,
            String txHash,
            Long blockNumber,
            String revokeTxHash,
            Long revokeBlockNumber,
            String failureReason,
            Instant createdAt,
            Instant updatedAt) {

        static ClaimView of(Claim claim) {
            return new ClaimView(
                    claim.topic,
                    claim.status.name().toLowerCase(),
                    claim.kycCaseId,
                    claim.issuerAddress,
                    claim.claimId,
                    claim.txHash,
                    claim.blockNumber,
                    claim.revokeTxHash,
                    claim.revokeBlock,
                    claim.failureReason,
                    claim.createdAt,
                    claim.updatedAt);
        }
    }

    static IdentityView of(UserIdentity found) {
        Identity identity = found.identity();
        String status =
                switch (identity.step) {
                    case READY -> "ready";
                    case FAILED -> "failed";
                    default -> "creating";
                };
        return new IdentityView(
                identity.userId,
                identity.subject,
                status,
                identity.identityAddress,
                found.wallets(),
                found.claims().stream().map(ClaimView::of).toList(),
                identity.failureReason);
    }
}
