package dev.attest.wallet.events;

/** The fields of {@code attest.kyc.business-status-changed.v1} this service reads (a tolerant reader). */
public record BusinessStatusChanged(String businessCaseId, String projectId, String status) {
    /** The subject id of the business in this service's tables and events: {@code business:<business_case_id>}. */
    public String subjectId() {
        return "business:" + businessCaseId;
    }
}
