package dev.attest.compliance.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.common.events.Topics;
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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A trace crosses services through Kafka: identity-service's event, with its trace context, makes this service
 * record the claim, and the event it publishes for that carries the same trace.
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

    private static Optional<ConsumerRecord<String, byte[]>> claimRecorded(
            List<ConsumerRecord<String, byte[]>> records, String caseId) {
        return records.stream()
                .filter(r -> EventTypes.Kyc.CLAIM_RECORDED.equals(TopicReader.header(r, "ce_type")))
                .filter(r -> ("kyc-case/" + caseId).equals(TopicReader.header(r, "ce_subject")))
                .findFirst();
    }
}
