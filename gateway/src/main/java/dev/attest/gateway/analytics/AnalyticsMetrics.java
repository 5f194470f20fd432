package dev.attest.gateway.analytics;

import java.util.List;

/** The names of the analytics metrics, as stored and as the API answers them. */
public final class AnalyticsMetrics {
    private AnalyticsMetrics() {}

    public static final String KYC_CASES_OPENED = "kyc.cases_opened";
    /** {@code kyc.inquiries.<provider>}: cases opened at a provider (Persona inquiries, Sumsub applicants). */
    public static final String KYC_INQUIRIES = "kyc.inquiries.";
    /** {@code kyc.outcome.<status>}: status changes by the status reached. */
    public static final String KYC_OUTCOME = "kyc.outcome.";
    /** {@code kyc.verifications.<provider>}: cases decided (verified or rejected) from an undecided status. */
    public static final String KYC_VERIFICATIONS = "kyc.verifications.";

    public static final String WALLETS_PROVISIONED = "wallets.provisioned";
    public static final String TRANSFERS_STARTED = "transfers.started";
    public static final String TRANSFERS_CONFIRMED = "transfers.confirmed";
    public static final String TRANSFERS_FAILED = "transfers.failed";
    public static final String IDENTITIES_CREATED = "identities.created";
    public static final String CLAIMS_ISSUED = "claims.issued";
    public static final String CLAIMS_REVOKED = "claims.revoked";
    public static final String WEBHOOKS_DELIVERED = "webhooks.delivered";
    public static final String WEBHOOKS_FAILED = "webhooks.failed";
    public static final String WEBHOOK_ENDPOINTS_DISABLED = "webhooks.endpoints_disabled";
    /** {@code gas.sponsored.<paymaster_kind>}: sponsored user operations; the sum is their gas cost in wei. */
    public static final String GAS_SPONSORED = "gas.sponsored.";
    /** {@code gas.operator}: mined transactions of the identity operator; the sum is their gas cost in wei. */
    public static final String GAS_OPERATOR = "gas.operator";

    /** {@code requests.<route class>}: not stored as such, the count of the class's latency histogram. */
    public static final String REQUESTS = "requests.";
    /** {@code latency.<route class>}: histogram of request latency in microseconds. */
    public static final String LATENCY = "latency.";

    /** Onboarding durations from the KYC start, histograms in seconds. */
    public static final String TO_VERIFIED = "onboarding.to_verified";

    public static final String TO_WALLET = "onboarding.to_wallet";
    public static final String TO_CLAIM = "onboarding.to_claim";

    /** {@code funnel.<step>}: users reaching a step of the onboarding for the first time. */
    public static final String FUNNEL = "funnel.";

    /** The funnel's steps, in order. */
    public static final List<String> FUNNEL_STEPS = List.of("kyc_started", "submitted", "verified", "wallet", "claim");

    /** The route classes of request latency: the route table's scope areas, webhooks and the gateway's own API. */
    public static final List<String> ROUTE_CLASSES =
            List.of("kyc", "wallets", "identities", "notifications", "documents", "webhooks", "gateway");
}
