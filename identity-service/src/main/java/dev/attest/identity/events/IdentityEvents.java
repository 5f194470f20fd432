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
