package dev.attest.compliance.provider;

import dev.attest.compliance.KycStatus;

/** The reason code a case shows for what its provider reported: one rule for webhooks and retrievals alike. */
public final class ReasonCodes {
    private ReasonCodes() {}

    /**
     * {@code <provider>.<provider status>} for a decided or reviewed result, and for a pending one the person may retry
     * (Sumsub's RED/RETRY, {@code sumsub.red.retry}); {@code null} while the verification simply waits.
     */
    public static String ofProviderResult(String provider, KycStatus status, String providerStatus, boolean retryable) {
        return status == KycStatus.PENDING && !retryable ? null : provider + "." + providerStatus;
    }
}
