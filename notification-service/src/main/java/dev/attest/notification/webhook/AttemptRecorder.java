package dev.attest.notification.webhook;

import dev.attest.common.work.RetrySchedule;
import dev.attest.notification.WebhookAttempt;
import dev.attest.notification.WebhookDelivery;
import dev.attest.notification.WebhookEndpoint;
import dev.attest.notification.config.NotificationConfig;
import dev.attest.notification.events.WebhookFailed;
import dev.attest.notification.repository.WebhookDeliveryRepository;
import dev.attest.notification.repository.WebhookEndpointRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Records what one attempt got and decides what follows: success; a retry on the schedule (later if the
 * receiver asked with Retry-After on 429/503); failure for good; or disabling the endpoint on 410 Gone or
 * after it failed for too long.
 */
@ApplicationScoped
public class AttemptRecorder {
    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;
    private final RetrySchedule schedule;
    private final EndpointDisabler disabler;
    private final DeliveryOutcomes outcomes;
    private final NotificationConfig config;

    AttemptRecorder(
            WebhookDeliveryRepository deliveries,
            WebhookEndpointRepository endpoints,
            RetrySchedule schedule,
            EndpointDisabler disabler,
            DeliveryOutcomes outcomes,
            NotificationConfig config) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.schedule = schedule;
        this.disabler = disabler;
        this.outcomes = outcomes;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void record(DeliveryWorker.Claim claim, WebhookSender.Outcome outcome, long latencyMs) {
        Instant at = claim.attemptedAt();
        WebhookDelivery delivery = deliveries.findById(claim.deliveryId());
        if (delivery == null) {
            return; // its endpoint was deleted while the request was under way
        }
        // Locked: parallel attempts to one endpoint must not each decide to disable it.
        WebhookEndpoint endpoint = endpoints.findById(delivery.endpointId, LockModeType.PESSIMISTIC_WRITE);
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.id = UUID.randomUUID();
        attempt.deliveryId = delivery.id;
        attempt.attemptedAt = at;
        attempt.succeeded = outcome.succeeded();
        attempt.statusCode = outcome.statusCode().orElse(null);
        attempt.latencyMs = latencyMs;
        attempt.responseBody = outcome.responseBody();
        attempt.error = outcome.error();
        deliveries.persistAttempt(attempt);

        delivery.attempts++;
        delivery.updatedAt = at;
        if (outcome.succeeded()) {
            succeeded(delivery, endpoint);
        } else {
            failed(delivery, endpoint, outcome, at);
        }
    }

    private void succeeded(WebhookDelivery delivery, WebhookEndpoint endpoint) {
        delivery.status = WebhookDelivery.SUCCEEDED;
        delivery.nextAttemptAt = null;
        if (endpoint == null) {
            return;
        }
        endpoint.failingSince = null;
        outcomes.delivered(delivery, endpoint);
    }

    private void failed(WebhookDelivery delivery, WebhookEndpoint endpoint, WebhookSender.Outcome outcome, Instant at) {
        int status = outcome.statusCode().orElse(0);
        if (status == 410) {
            delivery.status = WebhookDelivery.FAILED;
            delivery.nextAttemptAt = null;
            if (endpoint != null) {
                outcomes.failed(delivery, endpoint, WebhookFailed.GONE);
                if (endpoint.enabled) {
                    disabler.disable(endpoint, "the endpoint answered 410 Gone");
                }
            }
            return;
        }
        Optional<Duration> retryAfter = status == 429 || status == 503 ? outcome.retryAfter() : Optional.empty();
        Optional<Instant> next = schedule.next(delivery.attempts, at, retryAfter);
        delivery.status = next.isPresent() ? WebhookDelivery.PENDING : WebhookDelivery.FAILED;
        delivery.nextAttemptAt = next.orElse(null);
        if (next.isEmpty() && endpoint != null) {
            outcomes.failed(delivery, endpoint, WebhookFailed.RETRIES_EXHAUSTED);
        }
        if (endpoint == null || !endpoint.enabled) {
            return;
        }
        if (endpoint.failingSince == null) {
            endpoint.failingSince = at;
        } else if (!at.isBefore(endpoint.failingSince.plus(config.webhooks().disableAfter()))) {
            disabler.disable(
                    endpoint,
                    "every delivery failed for "
                            + config.webhooks().disableAfter().toDays() + " days");
        }
    }
}
