package dev.attest.wallet.events;

/** The fields of {@code attest.kyc.status-changed.v1} this service reads (a tolerant reader: the rest is ignored). */
public record KycStatusChanged(String caseId, String userId, String projectId, String status, String level) {
    /** compliance-service's user ids of a business case's owners and directors. */
    private static final String BUSINESS_OWNER_PREFIX = "business-owner:";

    /**
     * Whether the case is a business owner's: a person verified for a business, not a user of the platform, so no
     * wallet of their own (the business gets one when its KYB case is verified).
     */
    public boolean isBusinessOwner() {
        return userId.startsWith(BUSINESS_OWNER_PREFIX);
    }
}
