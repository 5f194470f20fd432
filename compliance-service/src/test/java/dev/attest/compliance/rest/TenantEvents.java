package dev.attest.compliance.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.events.CloudEventAttributes;
import dev.attest.common.events.Topics;
import dev.attest.testing.KafkaResource;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes tenant events on {@code attest.tenant.v1} exactly as the gateway's outbox does (binary CloudEvents). */
final class TenantEvents {
    static final String ORGANIZATION_CREATED = "attest.tenant.organization-created.v1";
    static final String ORGANIZATION_UPDATED = "attest.tenant.organization-updated.v1";
    static final String PROJECT_CREATED = "attest.tenant.project-created.v1";

    private TenantEvents() {}

    static void organization(String eventId, String type, String orgId, String slug, OffsetDateTime at) {
        send(eventId, type, orgId, at, Map.of("org_id", orgId, "slug", slug, "name", "Org " + slug));
    }

    static void project(String orgId, String projectId, String kycProvider) {
        send(
                "evt-" + projectId,
                PROJECT_CREATED,
                orgId,
                OffsetDateTime.now(),
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
                        kycProvider,
                        "wallet_network",
                        "ethereum-sepolia"));
    }

    static void send(String eventId, String type, String orgId, OffsetDateTime at, Map<String, Object> data) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            var event = CloudEventBuilder.v1()
                    .withId(eventId)
                    .withType(type)
                    .withSource(URI.create("/attest/gateway"))
                    .withSubject("organization/" + orgId)
                    .withTime(at)
                    .withDataContentType("application/json")
                    .withData(new ObjectMapper().writeValueAsBytes(data))
                    .withExtension(CloudEventAttributes.ORG_ID, orgId)
                    .build();
            producer.send(KafkaMessageFactory.createWriter(Topics.TENANT, orgId).writeBinary(event))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
