package dev.attest.wallet.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.events.Topics;
import dev.attest.testing.KafkaResource;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes {@code attest.tenant.v1} organization and project events as the gateway does. */
public final class TenantEvents implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());

    public void organizationCreated(String orgId, String slug) {
        send(
                "attest.tenant.organization-created.v1",
                orgId,
                "organization/" + orgId,
                Map.of("org_id", orgId, "slug", slug, "name", "Org " + slug));
    }

    public void projectCreated(String orgId, String projectId, String walletNetwork) {
        send(
                "attest.tenant.project-created.v1",
                orgId,
                "project/" + projectId,
                Map.of(
                        "org_id",
                        orgId,
                        "project_id",
                        projectId,
                        "name",
                        "Project",
                        "environment",
                        "sandbox",
                        "kyc_provider",
                        "persona",
                        "wallet_network",
                        walletNetwork));
    }

    private void send(String type, String orgId, String subject, Map<String, String> data) {
        try {
            var event = CloudEventBuilder.v1()
                    .withId(UUID.randomUUID().toString())
                    .withType(type)
                    .withSource(URI.create("/attest/gateway"))
                    .withSubject(subject)
                    .withDataContentType("application/json")
                    .withData(JSON.writeValueAsBytes(data))
                    .withExtension("orgid", orgId)
                    .build();
            producer.send(KafkaMessageFactory.createWriter(Topics.TENANT, null, null, orgId)
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
