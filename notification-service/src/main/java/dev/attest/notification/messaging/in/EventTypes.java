package dev.attest.notification.messaging.in;

/** The event types this service reacts to (docs/events.md). */
public final class EventTypes {
    public static final String MEMBER_ADDED = "attest.tenant.member-added.v1";
    public static final String MEMBER_UPDATED = "attest.tenant.member-updated.v1";
    public static final String MEMBER_REMOVED = "attest.tenant.member-removed.v1";
    public static final String PROJECT_CREATED = "attest.tenant.project-created.v1";

    public static final String KYC_CASE_OPENED = "attest.kyc.case-opened.v1";
    public static final String KYC_STATUS_CHANGED = "attest.kyc.status-changed.v1";
    public static final String KYC_CLAIM_RECORDED = "attest.kyc.claim-recorded.v1";

    public static final String WALLET_PROVISIONED = "attest.wallet.provisioned.v1";
    public static final String WALLET_PROVISIONING_FAILED = "attest.wallet.provisioning-failed.v1";
    public static final String TRANSFER_STATUS_CHANGED = "attest.wallet.transfer-status-changed.v1";

    /** A provider answered 401/403 to the org's stored credentials (compliance-service, Persona). */
    public static final String KYC_PROVIDER_CREDENTIALS_REJECTED = "attest.kyc.provider-credentials-rejected.v1";
    /** A provider answered 401/403 to the org's stored credentials (wallet-service, Dfns). */
    public static final String WALLET_PROVIDER_CREDENTIALS_REJECTED = "attest.wallet.provider-credentials-rejected.v1";

    public static final String IDENTITY_CREATED = "attest.identity.created.v1";
    public static final String CLAIM_ISSUED = "attest.identity.claim-issued.v1";
    public static final String CLAIM_REVOKED = "attest.identity.claim-revoked.v1";
    public static final String CLAIM_ISSUANCE_FAILED = "attest.identity.claim-issuance-failed.v1";

    private EventTypes() {}
}
