package dev.attest.identity.messaging;

/** The fields of {@code attest.kyc.business-status-changed.v1} identity-service reads. */
public record BusinessStatusChanged(String businessCaseId, String status) {
    /** The business's subject id, its identity's {@code user_id}: as wallet-service names it. */
    public String subjectId() {
        return "business:" + businessCaseId;
    }
}
