package dev.attest.wallet.support;

import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.testing.EventData;
import dev.attest.testing.EventPublisher;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Publishes {@code attest.kyc.status-changed.v1} and {@code attest.kyc.business-status-changed.v1} as compliance-service does. */
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

    /**
     * Sends the event {@code id} (again, as Kafka may redeliver it): the KYB case {@code businessCaseId} (a UUID)
     * moved to {@code status}; keyed and named as compliance-service does.
     */
    public void businessStatusChanged(String id, String orgId, String businessCaseId, String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("business_case_id", businessCaseId);
        data.put("representative_user_id", "user-" + UUID.randomUUID());
        data.put("status", status);
        data.put("previous_status", "review");
        data.put("provider", "persona");
        data.put("decided_by", "provider");
        events.event(
                        Topics.KYC,
                        EventTypes.Kyc.BUSINESS_STATUS_CHANGED,
                        orgId,
                        orgId + ":business:" + businessCaseId,
                        data)
                .id(id)
                .subject("business-case/" + businessCaseId)
                .send();
    }

    @Override
    public void close() {
        events.close();
    }
}
