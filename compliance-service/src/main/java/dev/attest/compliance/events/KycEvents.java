package dev.attest.compliance.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.attest.common.events.OutgoingEvent;
import dev.attest.common.events.Topics;
import dev.attest.compliance.KycCase;
import dev.attest.contracts.EventTypes;

/**
 * The events of {@code attest.kyc.v1} (docs/events.md): ids and states only, keyed by
 * {@code <org_id>:<user_id>} so that a user's events stay in order.
 */
public final class KycEvents {
    private KycEvents() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseOpened(
            String caseId, String userId, String projectId, String provider, String providerReference) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusChanged(
            String caseId,
            String userId,
            String projectId,
            String status,
            String previousStatus,
            String provider,
            String providerReference,
            String level,
            String reason,
            String decidedBy) {}

    public record ClaimRecorded(String caseId, String userId, String kycClaimId, String kycClaimTxHash) {}

    /** No secret and no provider answer body: which provider, what was being done, and the status. */
    public record CredentialsRejected(String provider, String operation, int statusCode) {}

    /** Keyed by the organization: it is about the organization's settings, not a user. */
    public static OutgoingEvent credentialsRejected(String orgId, String provider, String operation, int statusCode) {
        return new OutgoingEvent(
                Topics.KYC,
                EventTypes.Kyc.PROVIDER_CREDENTIALS_REJECTED,
                orgId,
                "organization/" + orgId + "/provider/" + provider,
                orgId,
                new CredentialsRejected(provider, operation, statusCode));
    }

    public static OutgoingEvent caseOpened(KycCase kycCase) {
        return event(
                kycCase,
                EventTypes.Kyc.CASE_OPENED,
                new CaseOpened(
                        kycCase.id.toString(),
                        kycCase.userId,
                        kycCase.projectId,
                        kycCase.provider,
                        kycCase.providerReference));
    }

    public static OutgoingEvent statusChanged(KycCase kycCase, KycCase.Transition transition) {
        return event(
                kycCase,
                EventTypes.Kyc.STATUS_CHANGED,
                new StatusChanged(
                        kycCase.id.toString(),
                        kycCase.userId,
                        kycCase.projectId,
                        transition.to().wire(),
                        transition.from().wire(),
                        kycCase.provider,
                        kycCase.providerReference,
                        kycCase.level,
                        transition.reason(),
                        transition.actor()));
    }

    public static OutgoingEvent claimRecorded(KycCase kycCase) {
        return event(
                kycCase,
                EventTypes.Kyc.CLAIM_RECORDED,
                new ClaimRecorded(kycCase.id.toString(), kycCase.userId, kycCase.kycClaimId, kycCase.kycClaimTxHash));
    }

    private static OutgoingEvent event(KycCase kycCase, String type, Object data) {
        return new OutgoingEvent(
                Topics.KYC, type, kycCase.orgId + ":" + kycCase.userId, "kyc-case/" + kycCase.id, kycCase.orgId, data);
    }
}
