package dev.attest.compliance.provider;

import java.net.ConnectException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Why a new case went to its project's fallback provider. Each is an answer that proves the preferred provider
 * created nothing for the case, so moving it cannot open it twice: a timeout or a 5xx proves nothing (the provider
 * may have created the inquiry before failing) and is never a reason.
 */
public enum FallbackReason {
    /** The provider's circuit breaker is open: no call was made. */
    CIRCUIT_OPEN,
    /** The provider refused the organization's credentials (401/403): it processes nothing unauthenticated. */
    CREDENTIALS_REFUSED,
    /** The provider rate-limited the call (429) until the retries ran out: a 429 is not processed. */
    RATE_LIMITED,
    /** The organization has no settings for the provider: no call was made. */
    NOT_CONFIGURED,
    /** The connection was refused: nothing reached the provider. */
    UNREACHABLE;

    /** As cases and the API state it: {@code circuit-open}, {@code credentials-refused}, … */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The reason a failed create call allows the fallback, if it does. */
    public static Optional<FallbackReason> of(KycProviderException failure) {
        return switch (failure.kind()) {
            case UNAUTHORIZED -> Optional.of(CREDENTIALS_REFUSED);
            case REJECTED -> Optional.empty();
            case UNAVAILABLE -> {
                if (causedBy(failure, CircuitBreakerOpenException.class)) {
                    yield Optional.of(CIRCUIT_OPEN);
                }
                if (failure.status() == 429) {
                    yield Optional.of(RATE_LIMITED);
                }
                if (failure.status() == 0 && causedBy(failure, ConnectException.class)) {
                    yield Optional.of(UNREACHABLE);
                }
                yield Optional.empty();
            }
        };
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
