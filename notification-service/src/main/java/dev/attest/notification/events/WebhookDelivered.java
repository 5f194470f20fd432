package dev.attest.notification.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Payload of {@code attest.notification.webhook-delivered.v1}: one successful delivery, for usage accounting. */
public record WebhookDelivered(
        @JsonProperty("endpoint_id") String endpointId,
        @JsonProperty("project_id") String projectId,
        @JsonProperty("message_id") String messageId,
        @JsonProperty("event_type") String eventType) {}
