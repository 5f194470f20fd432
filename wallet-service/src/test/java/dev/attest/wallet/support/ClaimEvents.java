package dev.attest.wallet.support;

import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.testing.EventData;
import dev.attest.testing.EventPublisher;
import java.util.Map;
import java.util.UUID;

/** Publishes identity-service's claim events, as it does when a claim is added to or revoked on an identity. */
public final class ClaimEvents implements AutoCloseable {
    private static final String CLAIM_ID = "0x" + "ab".repeat(32);
    private final EventPublisher events = new EventPublisher();

    public void issued(String orgId, String userId, long blockNumber) {
        send(
                EventTypes.Identity.CLAIM_ISSUED,
                orgId,
                userId,
                EventData.claimIssued(userId, "case", CLAIM_ID, txHash()),
                blockNumber);
    }

    public void revoked(String orgId, String userId, long blockNumber) {
        send(
                EventTypes.Identity.CLAIM_REVOKED,
                orgId,
                userId,
                EventData.claimRevoked(userId, "case", CLAIM_ID, txHash()),
                blockNumber);
    }

    private void send(String type, String orgId, String userId, Map<String, Object> data, long blockNumber) {
        data.put("block_number", blockNumber);
        events.event(Topics.IDENTITY, type, orgId, orgId + ":" + userId, data)
                .subject("identity/" + userId)
                .send();
    }

    private static String txHash() {
        return "0x" + UUID.randomUUID().toString().replace("-", "").repeat(2);
    }

    @Override
    public void close() {
        events.close();
    }
}
