package dev.attest.gateway.monitoring;

import java.util.Arrays;
import java.util.Optional;

/** What the security monitoring watches for; each detector raises one incident per attack (subject). */
public enum Detector {
    /** Provider webhooks refused for their signature (401 from the service), per organization the path names. */
    WEBHOOK_SIGNATURE("webhook-signature", "refused webhook signatures"),
    /** Unknown, malformed, revoked or expired API keys: per source address, or per revoked or expired key. */
    API_KEY("api-key", "requests with an unknown, revoked or expired API key"),
    /** 404 answers to an authenticated caller, probing other tenants' ids: per caller. */
    CROSS_TENANT("cross-tenant", "requests for ids the caller may not see (404)"),
    /** Keycloak's failed sign-ins, per source address. */
    SIGN_IN("sign-in", "failed sign-ins"),
    /** Requests refused by a rate limit (429), per caller or webhook source. */
    RATE_LIMIT("rate-limit", "requests refused by the rate limit"),
    /** New transfers, per user: far more than the user's usual pace. */
    TRANSFER_VELOCITY("transfer-velocity", "new transfers"),
    /** A service's audit chain head that the gateway's copy of its entries does not match, per service. */
    AUDIT_CHAIN("audit-chain", "audit chain heads the gateway's copy does not match");

    private final String id;
    private final String signals;

    Detector(String id, String signals) {
        this.id = id;
        this.signals = signals;
    }

    /** The name in the API, the events and the configuration. */
    public String id() {
        return id;
    }

    /** What its signals are, as a summary states them ("42 failed sign-ins in 5 minutes"). */
    public String signals() {
        return signals;
    }

    public static Optional<Detector> of(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
    }
}
