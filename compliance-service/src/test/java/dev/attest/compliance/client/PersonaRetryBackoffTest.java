package dev.attest.compliance.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersonaRetryBackoffTest {
    @Test
    void theWaitDoublesFromTheConfiguredBackoff() {
        PersonaClient.RetryAfterBackoff backoff = new PersonaClient.RetryAfterBackoff();
        backoff.init(200);

        assertThat(backoff.nextDelayInMillis(new IOException("no answer"))).isEqualTo(200);
        assertThat(backoff.nextDelayInMillis(busy(503, null))).isEqualTo(400);
        assertThat(backoff.nextDelayInMillis(busy(503, "not a number"))).isEqualTo(800);
    }

    @Test
    void aLongerRetryAfterWinsUpToTwoSeconds() {
        PersonaClient.RetryAfterBackoff backoff = new PersonaClient.RetryAfterBackoff();
        backoff.init(200);

        assertThat(backoff.nextDelayInMillis(busy(429, "1"))).isEqualTo(1_000);
        assertThat(backoff.nextDelayInMillis(busy(429, "3600"))).isEqualTo(2_000);
        assertThat(backoff.nextDelayInMillis(busy(429, "0"))).isEqualTo(800);
    }

    private static ProviderGuards.Busy busy(int status, String retryAfter) {
        return new ProviderGuards.Busy(new PersonaApi.Answer(status, Optional.ofNullable(retryAfter), new byte[0]));
    }
}
