package dev.attest.wallet.support;

import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.testing.EventData;
import dev.attest.testing.EventPublisher;
import java.util.Map;
import java.util.UUID;

/** Publishes {@code attest.kyc.status-changed.v1} as compliance-service does. */
public final class KycEvents implements AutoCloseable {
    private final EventPublisher events = new EventPublisher();

    /** Sends a status change with a new event id; answers that id. */
    public String statusChanged(String orgId, String userId, String caseId, String status) {
        String id = UUID.randomUUID().toString();
        send(id, orgId, userId, caseId, status);
        return id;
    }

    /** Sends a status change of a user verified in the project {@code projectId}; answers the event id. */
    public String statusChangedInProject(String orgId, String userId, String caseId, String status, String projectId) {
        String id = UUID.randomUUID().toString();
        send(id, orgId, userId, caseId, status, projectId);
        return id;
    }

    /** Sends a status change as made in the trace {@code traceparent} names (W3C). */
    public void statusChangedInTrace(String orgId, String userId, String caseId, String status, String traceparent) {
        Map<String, Object> data = EventData.kycStatusChanged(caseId, userId, null, status);
        events.event(Topics.KYC, EventTypes.Kyc.STATUS_CHANGED, orgId, orgId + ":" + userId, data)
                .subject("kyc-case/" + caseId)
                .traceparent(traceparent)
                .send();
    }

    /** Sends the event {@code id} (again, as Kafka may redeliver it). */
    public void send(String id, String orgId, String userId, String caseId, String status) {
        send(id, orgId, userId, caseId, status, null);
    }

    private void send(String id, String orgId, String userId, String caseId, String status, String projectId) {
        Map<String, Object> data = EventData.kycStatusChanged(caseId, userId, projectId, status);
        events.event(Topics.KYC, EventTypes.Kyc.STATUS_CHANGED, orgId, orgId + ":" + userId, data)
                .id(id)
                .subject("kyc-case/" + caseId)
                .send();
    }

    @Override
    public void close() {
        events.close();
    }
}
