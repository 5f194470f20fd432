package dev.attest.compliance.provider;

import dev.attest.compliance.KycStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A provider's verification, normalized.
 *
 * @param reference the provider's id (Persona: {@code inq_…})
 * @param providerStatus the provider's own status, kept for display and audit
 * @param status what that status means for Attest
 * @param sessionToken lets the user's browser continue the flow, when the call returned one
 * @param statusAt when the provider last changed the verification (its own clock), when the answer says
 * @param steps the verification steps the answer shows (the provider's checks, each with its own status and time)
 * @param reasons the provider's reasons for its result as reason codes ({@code <provider>.<label>}), when it gives any
 * @param retryable whether the person may submit again after this result (Sumsub's RED/RETRY): the case stays
 *     {@code pending} with a reason instead of being rejected
 */
public record ProviderInquiry(
        String reference,
        String providerStatus,
        KycStatus status,
        Optional<String> sessionToken,
        Optional<OffsetDateTime> statusAt,
        List<ProviderStep> steps,
        List<String> reasons,
        boolean retryable) {

    /** A result without reasons that is not retryable (Persona's: a retry there is a new verification). */
    public ProviderInquiry(
            String reference,
            String providerStatus,
            KycStatus status,
            Optional<String> sessionToken,
            Optional<OffsetDateTime> statusAt,
            List<ProviderStep> steps) {
        this(reference, providerStatus, status, sessionToken, statusAt, steps, List.of(), false);
    }
}
