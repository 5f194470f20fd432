package dev.attest.notification.webhook;

import dev.attest.common.events.OutgoingEvent;
import dev.attest.common.events.Topics;
import dev.attest.common.outbox.Outbox;
import dev.attest.contracts.EventTypes;
import dev.attest.notification.WebhookDelivery;
import dev.attest.notification.WebhookEndpoint;
import dev.attest.notification.WebhookMessage;
import dev.attest.notification.events.WebhookDelivered;
import dev.attest.notification.events.WebhookFailed;
import dev.attest.notification.repository.WebhookMessageRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Announces how a delivery ended, delivered or failed for good (usage and analytics count them), through the outbox
 * in the transaction that records it. Keyed by endpoint, so one endpoint's outcomes stay in order.
 */
@ApplicationScoped
class DeliveryOutcomes {
    private final WebhookMessageRepository messages;
    private final Outbox outbox;

    DeliveryOutcomes(WebhookMessageRepository messages, Outbox outbox) {
        this.messages = messages;
        this.outbox = outbox;
    }

    void delivered(WebhookDelivery delivery, WebhookEndpoint endpoint) {
        WebhookMessage message = messages.findById(delivery.messageId);
        publish(
                EventTypes.Notification.WEBHOOK_DELIVERED,
                endpoint,
                message,
                new WebhookDelivered(endpoint.id.toString(), endpoint.projectId, message.id, message.eventType));
    }

    /** {@code reason}: one of {@link WebhookFailed}'s constants. */
    void failed(WebhookDelivery delivery, WebhookEndpoint endpoint, String reason) {
        WebhookMessage message = messages.findById(delivery.messageId);
        publish(
                EventTypes.Notification.WEBHOOK_FAILED,
                endpoint,
                message,
                new WebhookFailed(
                        endpoint.id.toString(),
                        endpoint.projectId,
                        message.id,
                        message.eventType,
                        delivery.attempts,
                        reason));
    }

    private void publish(String type, WebhookEndpoint endpoint, WebhookMessage message, Object data) {
        outbox.publish(new OutgoingEvent(
                Topics.NOTIFICATION,
                type,
                endpoint.orgId + ":" + endpoint.id,
                "webhook-message/" + message.id,
                endpoint.orgId,
                data));
    }
}
