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
        String decision,
        @JsonProperty("business_case_id") String businessCaseId,
        @JsonProperty("representative_user_id") String representativeUserId) {

    /** Subjects of events that are no one who signs in: a business ({@code business:<case>}) and its owners. */
    private static final java.util.List<String> NOT_PEOPLE_WHO_SIGN_IN =
            java.util.List.of("business:", "business-owner:");

    /**
     * Who the event is about: its user, or for a business case the person who applies for the business (its
     * representative).
     */
    public String subject() {
        return userId != null ? userId : representativeUserId;
    }

    /**
     * Whether {@link #subject()} signs in to read in-app notifications: a business's own wallet and claims, and its
     * owners' KYC cases, concern no account (the project's endpoints still hear of them).
     */
    public boolean subjectSignsIn() {
        String subject = subject();
        return subject != null && NOT_PEOPLE_WHO_SIGN_IN.stream().noneMatch(subject::startsWith);
    }

    public boolean finalFailure() {
        return Boolean.TRUE.equals(isFinal);
    }
}
