package dev.attest.compliance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.events.Topics;
import dev.attest.compliance.support.PersonaSigner;
import dev.attest.compliance.support.TestOrg;
import dev.attest.contracts.EventTypes;
import dev.attest.testing.EventData;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A trace crosses services through Kafka: identity-service's event, with its trace context, makes this service
 * record the claim, and the event it publishes for that carries the same trace. A Persona webhook, stored at once
 * and applied later by the webhook worker, keeps the trace of the request that delivered it.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class EventTraceTest {
    private static final String CLAIM_ID = "0x" + "ab".repeat(32);
    private static final String TX_HASH = "0x" + "cd".repeat(32);

    @Test
    void theEventAnsweringAnotherServicesEventIsInThatEventsTrace() {
        TestOrg org = TestOrg.create("none");
        String user = "user-" + UUID.randomUUID();
        String caseId =
                KycFlowTest.start(org, user).then().statusCode(200).extract().path("case_id");
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String identitySpan = UUID.randomUUID().toString().replace("-", "").substring(0, 16);

        try (TopicReader kyc = TopicReader.of(Topics.KYC);
                EventPublisher events = new EventPublisher()) {
            events.event(
                            Topics.IDENTITY,
                            EventTypes.Identity.CLAIM_ISSUED,
                            org.id(),
                            org.id() + ":" + user,
                            EventData.claimIssued(user, caseId, CLAIM_ID, TX_HASH))
                    .traceparent("00-" + traceId + "-" + identitySpan + "-01")
                    .send();

            List<ConsumerRecord<String, byte[]>> read =
                    kyc.readUntil(records -> claimRecorded(records, caseId).isPresent(), Duration.ofSeconds(60));

            ConsumerRecord<String, byte[]> recorded = claimRecorded(read, caseId)
                    .orElseThrow(() -> new AssertionError("no claim-recorded event for case " + caseId));
            String[] traceparent =
                    TopicReader.header(recorded, "ce_traceparent").split("-");
            assertThat(traceparent[1]).as("identity-service's trace id").isEqualTo(traceId);
            assertThat(traceparent[2])
                    .as("a span of this service (its processing, then the event's creation)")
                    .isNotEqualTo(identitySpan);
        }
    }

    @Test
    void aWebhookAppliedLaterByTheWorkerKeepsTheTraceOfItsDelivery() {
        TestOrg org = TestOrg.create("none");
        String user = "user-" + UUID.randomUUID();
        var started =
                KycFlowTest.start(org, user).then().statusCode(200).extract().jsonPath();
        String caseId = started.getString("case_id");
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String gatewaySpan = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        byte[] body = PersonaWebhookTest.event(
                PersonaWebhookTest.newEventId(), started.getString("persona_inquiry_id"), "approved");

        try (TopicReader kyc = TopicReader.of(Topics.KYC)) {
            given().header(
                            "Persona-Signature",
                            PersonaSigner.header(
                                    org.webhookSecret(), Instant.now().getEpochSecond(), body))
                    .header("traceparent", "00-" + traceId + "-" + gatewaySpan + "-01")
                    .contentType("application/json")
                    .body(body)
                    .post("/webhooks/persona/" + org.id())
                    .then()
                    .statusCode(200);

            List<ConsumerRecord<String, byte[]>> read =
                    kyc.readUntil(records -> verified(records, caseId).isPresent(), Duration.ofSeconds(60));

            // The delivery was answered once stored; the case moved later, on the webhook worker's thread.
            ConsumerRecord<String, byte[]> changed = verified(read, caseId)
                    .orElseThrow(() -> new AssertionError("no verified status event for case " + caseId + " among "
                            + read.stream()
                                    .filter(r -> ("kyc-case/" + caseId).equals(TopicReader.header(r, "ce_subject")))
                                    .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                                    .toList()));
            String[] traceparent = TopicReader.header(changed, "ce_traceparent").split("-");
            assertThat(traceparent[1]).as("the delivery's trace id").isEqualTo(traceId);
            assertThat(traceparent[2]).as("a span of the worker's handling").isNotEqualTo(gatewaySpan);
        }
    }

    private static Optional<ConsumerRecord<String, byte[]>> verified(
            List<ConsumerRecord<String, byte[]>> records, String caseId) {
        return records.stream()
                .filter(r -> EventTypes.Kyc.STATUS_CHANGED.equals(TopicReader.header(r, "ce_type")))
                .filter(r -> ("kyc-case/" + caseId).equals(TopicReader.header(r, "ce_subject")))
                .filter(r -> "verified".equals(json(r).path("status").asText()))
                .findFirst();
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return new ObjectMapper().readTree(record.value());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<ConsumerRecord<String, byte[]>> claimRecorded(
            List<ConsumerRecord<String, byte[]>> records, String caseId) {
        return records.stream()
                .filter(r -> EventTypes.Kyc.CLAIM_RECORDED.equals(TopicReader.header(r, "ce_type")))
                .filter(r -> ("kyc-case/" + caseId).equals(TopicReader.header(r, "ce_subject")))
                .findFirst();
    }
}
