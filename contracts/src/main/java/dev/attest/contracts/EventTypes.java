package dev.attest.contracts;

/**
 * The CloudEvents type of every Attest event, by topic (docs/events.md). Each has its JSON Schema beside
 * these names, at {@code META-INF/attest/schemas/<type>.schema.json} ({@link JsonSchemas}); a breaking
 * change is a new type version. Publishers and consumers name types only through these constants.
 */
public final class EventTypes {
    private EventTypes() {}

    /** {@code attest.tenant.v1}, published by the gateway. */
    public static final class Tenant {
        public static final String ORGANIZATION_CREATED = "attest.tenant.organization-created.v1";
        public static final String ORGANIZATION_UPDATED = "attest.tenant.organization-updated.v1";
        /** A platform admin deleted the organization (issue 20): services erase what they hold for it. */
        public static final String ORGANIZATION_DELETED = "attest.tenant.organization-deleted.v1";

        public static final String PROJECT_CREATED = "attest.tenant.project-created.v1";
        public static final String PROJECT_UPDATED = "attest.tenant.project-updated.v1";
        public static final String MEMBER_ADDED = "attest.tenant.member-added.v1";
        public static final String MEMBER_UPDATED = "attest.tenant.member-updated.v1";
        public static final String MEMBER_REMOVED = "attest.tenant.member-removed.v1";
        public static final String API_KEY_CREATED = "attest.tenant.api-key-created.v1";
        public static final String API_KEY_REVOKED = "attest.tenant.api-key-revoked.v1";

        private Tenant() {}
    }

    /** {@code attest.kyc.v1}, published by compliance-service. */
    public static final class Kyc {
        public static final String CASE_OPENED = "attest.kyc.case-opened.v1";
        public static final String STATUS_CHANGED = "attest.kyc.status-changed.v1";
        /** The case holds the references of its on-chain claim; not sent to webhooks (docs/events.md). */
        public static final String CLAIM_RECORDED = "attest.kyc.claim-recorded.v1";

        public static final String PROVIDER_CREDENTIALS_REJECTED = "attest.kyc.provider-credentials-rejected.v1";
        /** A business customer's KYB case, with its owners' KYC cases (issue 21). */
        public static final String BUSINESS_CASE_OPENED = "attest.kyc.business-case-opened.v1";

        public static final String BUSINESS_STATUS_CHANGED = "attest.kyc.business-status-changed.v1";

        private Kyc() {}
    }

    /** {@code attest.wallet.v1}, published by wallet-service. */
    public static final class Wallet {
        public static final String PROVISIONED = "attest.wallet.provisioned.v1";
        public static final String PROVISIONING_FAILED = "attest.wallet.provisioning-failed.v1";
        public static final String TRANSFER_STATUS_CHANGED = "attest.wallet.transfer-status-changed.v1";
        public static final String PROVIDER_CREDENTIALS_REJECTED = "attest.wallet.provider-credentials-rejected.v1";
        /** A user's ERC-4337 smart account, owned by their custody wallet, has its (counterfactual) address. */
        public static final String SMART_ACCOUNT_READY = "attest.wallet.smart-account-ready.v1";
        /** A sponsored UserOperation settled: the gas the project's paymaster paid for it. */
        public static final String GAS_SPONSORED = "attest.wallet.gas-sponsored.v1";

        private Wallet() {}
    }

    /** {@code attest.identity.v1}, published by identity-service. */
    public static final class Identity {
        public static final String CREATED = "attest.identity.created.v1";
        public static final String CLAIM_ISSUED = "attest.identity.claim-issued.v1";
        public static final String CLAIM_REVOKED = "attest.identity.claim-revoked.v1";
        public static final String CLAIM_ISSUANCE_FAILED = "attest.identity.claim-issuance-failed.v1";
        public static final String GAS_SPENT = "attest.identity.gas-spent.v1";

        private Identity() {}
    }

    /** {@code attest.notification.v1}, published by notification-service. */
    public static final class Notification {
        public static final String ENDPOINT_DISABLED = "attest.notification.endpoint-disabled.v1";
        public static final String WEBHOOK_DELIVERED = "attest.notification.webhook-delivered.v1";
        public static final String WEBHOOK_FAILED = "attest.notification.webhook-failed.v1";

        private Notification() {}
    }

    /** {@code attest.document.v1}, published by document-service: ids, states and Arweave ids, never a document. */
    public static final class Document {
        /** A document's ciphertext was accepted by an Arweave gateway (its transaction id is known). */
        public static final String STORED = "attest.document.stored.v1";
        /** A stored document's transaction reached the configured number of confirmations. */
        public static final String CONFIRMED = "attest.document.confirmed.v1";
        /** A document could not be stored after every retry. */
        public static final String STORAGE_FAILED = "attest.document.storage-failed.v1";
        /** A reviewer decided a document case, naming the documents the decision was based on. */
        public static final String CASE_DECIDED = "attest.document.case-decided.v1";

        private Document() {}
    }

    /** {@code attest.audit.v1}, published by every service that keeps an audit trail (docs/audit.md). */
    public static final class Audit {
        /** An entry of a service's audit trail, with its sequence number and chain hash; the gateway stores them. */
        public static final String ENTRY_RECORDED = "attest.audit.entry-recorded.v1";
        /** A service's chain head (sequence and hash), after its entries: the gateway compares its copy with it. */
        public static final String CHAIN_HEAD = "attest.audit.chain-head.v1";

        private Audit() {}
    }

    /** {@code attest.security.v1}, published by the gateway's security monitoring (docs/security-monitoring.md). */
    public static final class Security {
        /** A detector raised an incident: admins are alerted by email, in-app and webhook. */
        public static final String INCIDENT_OPENED = "attest.security.incident-opened.v1";
        /** An incident response froze or unfroze transfers: wallet-service holds or releases what it accepted. */
        public static final String TRANSFERS_FROZEN = "attest.security.transfers-frozen.v1";

        public static final String TRANSFERS_UNFROZEN = "attest.security.transfers-unfrozen.v1";

        private Security() {}
    }

    /** Webhook messages that are no domain event: never on Kafka, so without a JSON Schema here. */
    public static final class Webhook {
        /** The message an org admin sends to an endpoint to try it. */
        public static final String TEST = "attest.webhook.test.v1";

        private Webhook() {}
    }
}
