package dev.attest.sandbox.persona;

import java.time.Instant;

/**
 * One attempt to deliver an event, kept for inspection through the control API.
 *
 * @param status the receiver's HTTP status, or 0 when it could not be reached in time
 */
record WebhookDelivery(String eventId, String eventName, String inquiryId, int attempt, int status, Instant at) {}
