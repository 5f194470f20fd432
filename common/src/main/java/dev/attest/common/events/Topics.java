package dev.attest.common.events;

/**
 * Kafka topic names: one topic per aggregate kind, versioned in the name. Used in {@code @Incoming}
 * channel configuration, by the outbox and in tests, never spelled out elsewhere.
 */
public final class Topics {
    public static final String TENANT = "attest.tenant.v1";
    public static final String KYC = "attest.kyc.v1";
    public static final String WALLET = "attest.wallet.v1";
    public static final String IDENTITY = "attest.identity.v1";
    public static final String NOTIFICATION = "attest.notification.v1";
    public static final String DOCUMENT = "attest.document.v1";
    /** Every service's audit entries, for the gateway's store (docs/audit.md). */
    public static final String AUDIT = "attest.audit.v1";
    /** The gateway's security incidents, for the alerts (docs/security-monitoring.md). */
    public static final String SECURITY = "attest.security.v1";

    /** Suffix of the dead-letter twin of every topic. */
    public static final String DLQ_SUFFIX = ".dlq";

    private Topics() {}

    /** The dead-letter topic of {@code topic}: where poison events go after bounded retries. */
    public static String deadLetter(String topic) {
        return topic + DLQ_SUFFIX;
    }
}
