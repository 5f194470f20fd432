package dev.attest.identity.support;

import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.testing.EventData;
import dev.attest.testing.EventPublisher;
import java.util.Map;
import java.util.UUID;

/** Publishes the events identity-service consumes, as wallet-service and compliance-service write them. */
public final class TestEvents implements AutoCloseable {
    private final EventPublisher events = new EventPublisher();

    /** Sends WalletProvisioned; returns the event id. */
    public String walletProvisioned(String orgId, String userId, String address, String caseId) {
        return provisioned(orgId, userId, address, caseId).send();
    }

    /** Sends WalletProvisioned as made in the trace {@code traceparent} names (W3C). */
    public void walletProvisionedInTrace(
            String orgId, String userId, String address, String caseId, String traceparent) {
        provisioned(orgId, userId, address, caseId).traceparent(traceparent).send();
    }

    /** Sends WalletProvisioned with the id of an earlier one, as Kafka may redeliver it. */
    public void walletProvisionedAgain(String eventId, String orgId, String userId, String address, String caseId) {
        provisioned(orgId, userId, address, caseId).id(eventId).send();
    }

    /** Sends a WalletProvisioned no wallet-service writes (e.g. its address is none): poison. */
    public void malformedWalletProvisioned(String orgId, String userId, String address, String caseId) {
        provisioned(orgId, userId, address, caseId).sendMalformed();
    }

    public void kycStatusChanged(String orgId, String userId, String caseId, String status) {
        events.send(
                Topics.KYC,
                EventTypes.Kyc.STATUS_CHANGED,
                orgId,
                orgId + ":" + userId,
                EventData.kycStatusChanged(caseId, userId, null, status));
    }

    private EventPublisher.Event provisioned(String orgId, String userId, String address, String caseId) {
        Map<String, Object> data = EventData.walletProvisioned("wa-" + UUID.randomUUID(), userId, address, caseId);
        return events.event(Topics.WALLET, EventTypes.Wallet.PROVISIONED, orgId, orgId + ":" + userId, data);
    }

    @Override
    public void close() {
        events.close();
    }
}
