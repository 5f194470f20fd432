package dev.attest.notification.messaging.in;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The fields of the KYC, wallet, identity and document events this service reads; every type fills only its own
 * (tolerant reader: absent fields are null, unknown ones ignored).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserEvent(
        @JsonProperty("user_id") String userId,
        @JsonProperty("project_id") String projectId,
        @JsonProperty("case_id") String caseId,
        @JsonProperty("kyc_case_id") String kycCaseId,
        String status,
        String reason,
        @JsonProperty("wallet_id") String walletId,
        String network,
        String address,
        @JsonProperty("transfer_id") String transferId,
        @JsonProperty("claim_id") String claimId,
        @JsonProperty("final") Boolean isFinal,
        @JsonProperty("document_id") String documentId,
        String decision) {

    public boolean finalFailure() {
        return Boolean.TRUE.equals(isFinal);
    }
}
