package dev.attest.sandbox.persona;

import java.time.Instant;

/**
 * An event as Persona sends it. The body is fixed when the event happens, so every delivery of it (first,
 * retried, duplicated, replayed) carries the same bytes; only the signature's timestamp changes.
 */
record WebhookEvent(String id, String name, Instant createdAt, String apiKey, String inquiryId, byte[] body) {}
