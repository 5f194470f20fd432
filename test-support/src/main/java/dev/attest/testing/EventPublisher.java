package dev.attest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.contracts.EventEnvelope;
import dev.attest.contracts.JsonSchemas;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events to the test broker ({@link KafkaResource}) as another service's outbox would: in the
 * envelope of attest-contracts ({@link EventEnvelope}, CloudEvents in Kafka binary mode), each send acknowledged
 * before it returns. The data is checked against its type's JSON Schema first, so a test cannot publish an event
 * that no real publisher could write; a test about poison events says so with {@link Event#sendMalformed()} or
 * {@link #sendNotACloudEvent}.
 *
 * <pre>{@code
 * try (EventPublisher events = new EventPublisher()) {
 *     events.send(Topics.KYC, EventTypes.Kyc.STATUS_CHANGED, orgId, orgId + ":" + userId, data);
 * }
 * }</pre>
 */
public final class EventPublisher implements AutoCloseable {
    /** The source of every test event: no consumer reads it. */
    public static final String SOURCE = "/attest/test";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchemas schemas = new JsonSchemas();
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());

    /**
     * An event to send; {@code data} (a map or a record, written as JSON as it is: keys in snake_case) must match
     * the schema of {@code type}.
     */
    public Event event(String topic, String type, String orgId, String key, Object data) {
        return new Event(topic, type, orgId, key, data);
    }

    /** Sends an event with a new id, now; answers the id. */
    public String send(String topic, String type, String orgId, String key, Object data) {
        return event(topic, type, orgId, key, data).send();
    }

    /** Sends a record without any CloudEvents envelope, for a test of a consumer's poison path. */
    public void sendNotACloudEvent(String topic, int partition, String key, byte[] value) {
        write(new ProducerRecord<>(topic, partition, key, value));
    }

    @Override
    public void close() {
        producer.close();
    }

    private void write(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the test broker refused a record for " + record.topic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + record.topic(), e);
        }
    }

    /** One event: a new id and the current time unless a test sets them, the partition left to the key. */
    public final class Event {
        private final String topic;
        private final String type;
        private final String orgId;
        private final String key;
        private final Object data;
        private String id = UUID.randomUUID().toString();
        private String subject;
        private OffsetDateTime time = OffsetDateTime.now();
        private Integer partition;
        private String traceparent;

        private Event(String topic, String type, String orgId, String key, Object data) {
            this.topic = topic;
            this.type = type;
            this.orgId = orgId;
            this.key = key;
            this.data = data;
        }

        /** The event id, e.g. an earlier one's to model a redelivery. */
        public Event id(String id) {
            this.id = id;
            return this;
        }

        public Event subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Event time(OffsetDateTime time) {
            this.time = time;
            return this;
        }

        /** A fixed partition, so that the order of processing is the order of sending. */
        public Event partition(int partition) {
            this.partition = partition;
            return this;
        }

        /** The W3C trace context the event carries ({@code ce_traceparent}), as a publisher's outbox sends it. */
        public Event traceparent(String traceparent) {
            this.traceparent = traceparent;
            return this;
        }

        /**
         * Sends the event once its data matches the schema of its type; answers its id.
         *
         * @throws IllegalArgumentException when the data does not match, naming what breaks the schema
         */
        public String send() {
            JsonNode json = JSON.valueToTree(data);
            List<String> violations = schemas.violations(type, json);
            if (!violations.isEmpty()) {
                throw new IllegalArgumentException("test event " + type + " does not match its schema: "
                        + String.join("; ", violations)
                        + " (a deliberately malformed event goes through sendMalformed())");
            }
            return write(json);
        }

        /**
         * Sends the event without checking its data against the schema: for a test of what a consumer does with an
         * event no publisher may write (poison: bounded retries, then the dead-letter topic). Answers its id.
         */
        public String sendMalformed() {
            return write(JSON.valueToTree(data));
        }

        private String write(JsonNode json) {
            EventEnvelope envelope = new EventEnvelope(id, type, SOURCE, subject, time, orgId, traceparent);
            try {
                EventPublisher.this.write(envelope.toRecord(topic, partition, key, JSON.writeValueAsBytes(json)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write the data of " + type + " as JSON", e);
            }
            return id;
        }
    }
}
