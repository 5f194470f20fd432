package dev.attest.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.events.Topics;
import dev.attest.testing.KafkaResource;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes the events identity-service consumes, as wallet-service and compliance-service write them. */
public final class TestEvents implements AutoCloseable {
    private final ObjectMapper mapper = new ObjectMapper();
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());

    /** Sends WalletProvisioned; returns the event id. */
    public String walletProvisioned(String orgId, String userId, String address, String caseId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("wallet_id", "wa-" + UUID.randomUUID());
        data.put("user_id", userId);
        data.put("network", "Ethereum");
        data.put("address", address);
        data.put("provider_wallet_id", "dfns-" + UUID.randomUUID());
        data.put("kyc_case_id", caseId);
        data.put("kyc_level", "basic");
        return send(UUID.randomUUID().toString(), Topics.WALLET, "attest.wallet.provisioned.v1", orgId, userId, data);
    }

    void kycStatusChanged(String orgId, String userId, String caseId, String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("case_id", caseId);
        data.put("user_id", userId);
        data.put("status", status);
        data.put("previous_status", "verified");
        data.put("provider", "persona");
        data.put("provider_reference", "inq_" + UUID.randomUUID());
        data.put("level", "basic");
        send(UUID.randomUUID().toString(), Topics.KYC, "attest.kyc.status-changed.v1", orgId, userId, data);
    }

    /** Sends an event with a chosen id (to model a redelivery). */
    String send(String id, String topic, String type, String orgId, String userId, Map<String, Object> data) {
        try {
            var event = CloudEventBuilder.v1()
                    .withId(id)
                    .withType(type)
                    .withSource(URI.create("/attest/test"))
                    .withDataContentType("application/json")
                    .withData(mapper.writeValueAsBytes(data))
                    .withExtension("orgid", orgId)
                    .build();
            ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(
                            topic, null, null, orgId + ":" + userId)
                    .writeBinary(event);
            producer.send(record).get();
            return id;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
