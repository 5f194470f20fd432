package dev.attest.notification.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Payload of {@code attest.notification.webhook-failed.v1}: a delivery that ended failed (the endpoint answered 410,
 * the retries ran out, or the endpoint was disabled before it went), for analytics. A delivery retried later by
 * re-enabling its endpoint may still be delivered afterwards.
 */
public record WebhookFailed(
        @JsonProperty("endpoint_id") String endpointId,
        @JsonProperty("project_id") String projectId,
        @JsonProperty("message_id") String messageId,
        @JsonProperty("event_type") String eventType,
        int attempts,
        String reason) {
    public static final String GONE = "gone";
    public static final String RETRIES_EXHAUSTED = "retries-exhausted";
    public static final String ENDPOINT_DISABLED = "endpoint-disabled";
}
