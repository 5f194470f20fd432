package dev.attest.contracts;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The envelope of an Attest event (docs/events.md, Envelope): a CloudEvents 1.0 record in Kafka binary mode
 * ({@code ce_*} headers), its data JSON.
 *
 * @param id unique per event: the consumers' deduplication key
 * @param type one of {@link EventTypes}
 * @param source {@code /attest/<service>}
 * @param subject the entity the event is about, or null
 * @param time when the state change was committed
 * @param orgId the organization (tenant)
 * @param traceparent W3C trace context, or null
 */
public record EventEnvelope(
        String id, String type, String source, String subject, OffsetDateTime time, String orgId, String traceparent) {
    public static final String CONTENT_TYPE = "application/json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(orgId, "orgId");
    }

    /** The Kafka record of {@code json} in this envelope; a null {@code partition} leaves it to the key. */
    public ProducerRecord<String, byte[]> toRecord(String topic, Integer partition, String key, byte[] json) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(id)
                .withType(type)
                .withSource(URI.create(source))
                .withTime(time)
                .withDataContentType(CONTENT_TYPE)
                .withData(json)
                .withExtension(CloudEventAttributes.ORG_ID, orgId);
        if (subject != null) {
            event.withSubject(subject);
        }
        if (traceparent != null) {
            event.withExtension(CloudEventAttributes.TRACEPARENT, traceparent);
        }
        return KafkaMessageFactory.createWriter(topic, partition, null, key).writeBinary(event.build());
    }
}
