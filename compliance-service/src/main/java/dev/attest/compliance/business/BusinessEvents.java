package dev.attest.compliance.business;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.attest.common.events.OutgoingEvent;
import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import java.util.List;

/**
 * The business case's events on {@code attest.kyc.v1}: ids and states only (no company or owner data), keyed by
 * {@code <org_id>:business:<business_case_id>} so that one case's events stay in order.
 */
final class BusinessEvents {
    private BusinessEvents() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Opened(
            String businessCaseId,
            String representativeUserId,
            String projectId,
            String provider,
            String providerReference,
            List<String> ownerCaseIds) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StatusChanged(
            String businessCaseId,
            String representativeUserId,
            String projectId,
            String status,
            String previousStatus,
            String provider,
            String providerReference,
            String reason,
            String decidedBy) {}

    static OutgoingEvent opened(BusinessCase businessCase, List<String> ownerCaseIds) {
        return event(
                businessCase,
                EventTypes.Kyc.BUSINESS_CASE_OPENED,
                new Opened(
                        businessCase.id.toString(),
                        businessCase.representativeUserId,
                        businessCase.projectId,
                        businessCase.provider,
                        businessCase.providerReference,
                        ownerCaseIds));
    }

    static OutgoingEvent statusChanged(BusinessCase businessCase, String previousStatus, String decidedBy) {
        return event(
                businessCase,
                EventTypes.Kyc.BUSINESS_STATUS_CHANGED,
                new StatusChanged(
                        businessCase.id.toString(),
                        businessCase.representativeUserId,
                        businessCase.projectId,
                        businessCase.status,
                        previousStatus,
                        businessCase.provider,
                        businessCase.providerReference,
                        businessCase.reason,
                        decidedBy));
    }

    private static OutgoingEvent event(BusinessCase businessCase, String type, Object data) {
        return new OutgoingEvent(
                Topics.KYC,
                type,
                businessCase.orgId + ":business:" + businessCase.id,
                "business-case/" + businessCase.id,
                businessCase.orgId,
                data);
    }
}
