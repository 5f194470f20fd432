package dev.attest.wallet.support;

import dev.attest.common.events.Topics;
import dev.attest.testing.KafkaResource;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes {@code attest.kyc.status-changed.v1} as compliance-service does (CloudEvents binary mode). */
public final class KycEvents implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());

    /** Sends a status change with a new event id; answers that id. */
    public String statusChanged(String orgId, String userId, String caseId, String status) {
        String id = UUID.randomUUID().toString();
        send(id, orgId, userId, caseId, status);
        return id;
    }

    /** Sends a status change of a user verified in the project {@code projectId}; answers the event id. */
    public String statusChangedInProject(String orgId, String userId, String caseId, String status, String projectId) {
        String id = UUID.randomUUID().toString();
        send(id, orgId, userId, caseId, status, projectId);
        return id;
    }

    /** Sends the event {@code id} (again, as Kafka may redeliver it). */
    public void send(String id, String orgId, String userId, String caseId, String status) {
        send(id, orgId, userId, caseId, status, null);
    }

    private void send(String id, String orgId, String userId, String caseId, String status, String projectId) {
        String data = "{\"case_id\":\"" + caseId + "\",\"user_id\":\"" + userId + "\",\"status\":\"" + status
                + "\",\"previous_status\":\"pending\",\"provider\":\"persona\",\"provider_reference\":\"inq_1\","
                + (projectId == null ? "" : "\"project_id\":\"" + projectId + "\",")
                + "\"level\":\"basic\"}";
        var event = CloudEventBuilder.v1()
                .withId(id)
                .withType("attest.kyc.status-changed.v1")
                .withSource(URI.create("/attest/compliance-service"))
                .withSubject("kyc-case/" + caseId)
                .withDataContentType("application/json")
                .withData(data.getBytes(StandardCharsets.UTF_8))
                .withExtension("orgid", orgId)
                .build();
        try {
            producer.send(KafkaMessageFactory.createWriter(Topics.KYC, null, null, orgId + ":" + userId)
                            .writeBinary(event))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
