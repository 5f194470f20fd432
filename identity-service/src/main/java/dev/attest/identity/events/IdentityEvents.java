package dev.attest.identity.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.attest.common.events.OutgoingEvent;
import dev.attest.common.events.Topics;
import dev.attest.common.outbox.Outbox;
import dev.attest.contracts.EventTypes;
import dev.attest.identity.Claim;
import dev.attest.identity.Identity;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;

/** Publishes identity-service's events (docs/events.md, attest.identity.v1) through the outbox. */
@ApplicationScoped
public class IdentityEvents {
    private final Outbox outbox;

    IdentityEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public record Created(
            String userId, String identityAddress, String walletAddress, String txHash, long blockNumber) {}

    public record ClaimIssued(
            String userId,
            String kycCaseId,
            String identityAddress,
            String issuerAddress,
            BigInteger topic,
            String claimId,
            String txHash,
            long blockNumber,
            String subject) {}

    public record ClaimRevoked(
            String userId,
            String kycCaseId,
            String identityAddress,
            BigInteger topic,
            String claimId,
            String txHash,
            long blockNumber,
            String subject) {}

    public record ClaimIssuanceFailed(
            String userId, String kycCaseId, String reason, @JsonProperty("final") boolean finalFailure) {}

    /** Must run in the transaction that made the identity ready. */
    public void created(Identity identity) {
        publish(
                EventTypes.Identity.CREATED,
                identity.orgId,
                identity.userId,
                "identity/" + identity.id,
                new Created(
                        identity.userId,
                        identity.identityAddress,
                        identity.walletAddress,
                        identity.deployTxHash,
                        identity.deployBlock));
    }

    public void claimIssued(Claim claim, String identityAddress) {
        publish(
                EventTypes.Identity.CLAIM_ISSUED,
                claim.orgId,
                claim.userId,
                "claim/" + claim.id,
                new ClaimIssued(
                        claim.userId,
                        claim.kycCaseId,
                        identityAddress,
                        claim.issuerAddress,
                        claim.topic,
                        claim.claimId,
                        claim.txHash,
                        claim.blockNumber,
                        claim.subject));
    }

    public void claimRevoked(Claim claim, String identityAddress) {
        publish(
                EventTypes.Identity.CLAIM_REVOKED,
                claim.orgId,
                claim.userId,
                "claim/" + claim.id,
                new ClaimRevoked(
                        claim.userId,
                        claim.kycCaseId,
                        identityAddress,
                        claim.topic,
                        claim.claimId,
                        claim.revokeTxHash,
                        claim.revokeBlock,
                        claim.subject));
    }

    public record GasSpent(
            String userId,
            String txHash,
            String kind,
            boolean reverted,
            String gasUsed,
            String gasPrice,
            String gasCost) {}

    /**
     * The operator's transaction {@code txHash}, sent for {@code userId} of {@code orgId}, was mined: what it cost
     * (issue 20's analytics price the operator's gas from it). Must run in the transaction that settles it.
     */
    public void gasSpent(
            String orgId,
            String userId,
            String kind,
            String txHash,
            boolean reverted,
            BigInteger gasUsed,
            BigInteger gasPrice) {
        publish(
                EventTypes.Identity.GAS_SPENT,
                orgId,
                userId,
                "chain-transaction/" + txHash,
                new GasSpent(
                        userId,
                        txHash,
                        kind,
                        reverted,
                        gasUsed.toString(),
                        gasPrice.toString(),
                        gasUsed.multiply(gasPrice).toString()));
    }

    /** Every failure reported is final: a revert does not heal by retrying the same call. */
    public void claimIssuanceFailed(Claim claim) {
        publish(
                EventTypes.Identity.CLAIM_ISSUANCE_FAILED,
                claim.orgId,
                claim.userId,
                "claim/" + claim.id,
                new ClaimIssuanceFailed(claim.userId, claim.kycCaseId, claim.failureReason, true));
    }

    private void publish(String type, String orgId, String userId, String subject, Object data) {
        outbox.publish(new OutgoingEvent(Topics.IDENTITY, type, orgId + ":" + userId, subject, orgId, data));
    }
}
