package dev.attest.notification.rest;

import dev.attest.notification.WebhookAttempt;
import dev.attest.notification.webhook.WebhookEndpoints;
import java.time.Instant;
import java.util.List;

/** A message sent to an endpoint, its delivery state and every attempt. */
public record DeliveryView(
        String messageId,
        String eventType,
        String status,
        int attempts,
        Instant nextAttemptAt,
        Instant createdAt,
        List<AttemptView> attemptLog) {

    public record AttemptView(
            Instant attemptedAt,
            boolean succeeded,
            Integer responseStatusCode,
            long latencyMs,
            String responseBody,
            String error) {
        static AttemptView of(WebhookAttempt attempt) {
            return new AttemptView(
                    attempt.attemptedAt,
                    attempt.succeeded,
                    attempt.statusCode,
                    attempt.latencyMs,
                    attempt.responseBody,
                    attempt.error);
        }
    }

    static DeliveryView of(WebhookEndpoints.DeliveryLog log) {
        return new DeliveryView(
                log.message().id,
                log.message().eventType,
                log.delivery().status,
                log.delivery().attempts,
                log.delivery().nextAttemptAt,
                log.delivery().createdAt,
                log.attempts().stream().map(AttemptView::of).toList());
    }
}
