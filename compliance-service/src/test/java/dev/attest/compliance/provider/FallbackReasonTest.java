package dev.attest.compliance.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.compliance.provider.KycProviderException.Kind;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

/** Only answers that prove the provider created nothing allow the fallback. */
class FallbackReasonTest {

    @Test
    void answersThatProveNothingWasCreatedAllowTheFallback() {
        assertThat(FallbackReason.of(new KycProviderException(Kind.UNAUTHORIZED, 401, "refused")))
                .contains(FallbackReason.CREDENTIALS_REFUSED);
        assertThat(FallbackReason.of(new KycProviderException(Kind.UNAVAILABLE, 429, "limited")))
                .contains(FallbackReason.RATE_LIMITED);
        assertThat(FallbackReason.of(
                        new KycProviderException(Kind.UNAVAILABLE, 0, "paused", new CircuitBreakerOpenException())))
                .contains(FallbackReason.CIRCUIT_OPEN);
        assertThat(FallbackReason.of(new KycProviderException(
                        Kind.UNAVAILABLE, 0, "no answer", new java.io.IOException(new ConnectException("refused")))))
                .contains(FallbackReason.UNREACHABLE);
    }

    @Test
    void answersThatMayFollowACreatedInquiryDoNot() {
        assertThat(FallbackReason.of(new KycProviderException(Kind.UNAVAILABLE, 500, "failed")))
                .isEmpty();
        assertThat(FallbackReason.of(new KycProviderException(Kind.UNAVAILABLE, 503, "failed")))
                .isEmpty();
        assertThat(FallbackReason.of(
                        new KycProviderException(Kind.UNAVAILABLE, 0, "slow", new HttpTimeoutException("timed out"))))
                .isEmpty();
        assertThat(FallbackReason.of(new KycProviderException(Kind.UNAVAILABLE, 200, "malformed JSON")))
                .isEmpty();
        assertThat(FallbackReason.of(new KycProviderException(Kind.REJECTED, 422, "invalid")))
                .isEmpty();
    }
}
