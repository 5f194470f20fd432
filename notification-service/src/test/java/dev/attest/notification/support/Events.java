package dev.attest.notification.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.testing.KafkaResource;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes domain events exactly as the other services' outboxes do (CloudEvents, binary mode). */
public final class Events implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());

    /** Sends an event with a new id; returns the id. */
    public String send(String topic, String type, String orgId, String key, Map<String, Object> data) {
        String id = UUID.randomUUID().toString();
        send(topic, id, type, orgId, key, data);
        return id;
    }

    /** Sends an event with the given id, as a redelivery would. */
    public void send(String topic, String id, String type, String orgId, String key, Map<String, Object> data) {
        try {
            var event = CloudEventBuilder.v1()
                    .withId(id)
                    .withType(type)
                    .withSource(URI.create("/attest/test"))
                    .withTime(OffsetDateTime.now())
                    .withDataContentType("application/json")
                    .withData(MAPPER.writeValueAsBytes(data))
                    .withExtension("orgid", orgId)
                    .build();
            producer.send(KafkaMessageFactory.createWriter(topic, null, null, key)
                            .writeBinary(event))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + type, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
