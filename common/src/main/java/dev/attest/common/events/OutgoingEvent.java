package dev.attest.common.events;

import java.util.Objects;

/**
 * A domain event on its way out: what a service hands to the {@link dev.attest.common.outbox.Outbox}.
 *
 * @param topic the topic of the aggregate kind, one of {@link Topics}
 * @param type the CloudEvents type, e.g. {@code attest.kyc.status-changed.v1}; a JSON Schema of the
 *     same name must be on the class path (see {@link EventSchemas})
 * @param key the id of the aggregate whose events must stay ordered; it becomes the Kafka key
 * @param subject the CloudEvents subject: the entity the event is about
 * @param orgId the organization (tenant) the event belongs to
 * @param data the payload, serialized as JSON; ids and states only, never personal data
 */
public record OutgoingEvent(String topic, String type, String key, String subject, String orgId, Object data) {

    public OutgoingEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(data, "data");
    }
}
