package dev.attest.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A receiver's Retry-After header, which can push the next attempt later (see {@code RetrySchedule}). */
class RetryAfterHeaderTest {

    @Test
    void readsRetryAfterAsSecondsOrIgnoresGarbage() {
        assertThat(WebhookSender.retryAfter("60")).contains(Duration.ofSeconds(60));
        assertThat(WebhookSender.retryAfter("soon")).isEmpty();
        String inAnHour = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusHours(1));
        assertThat(WebhookSender.retryAfter(inAnHour))
                .hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofMinutes(58), Duration.ofHours(1)));
        assertThat(WebhookSender.retryAfter(null)).isEmpty();
    }
}
