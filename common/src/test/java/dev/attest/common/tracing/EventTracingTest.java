package dev.attest.common.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.common.testapp.LedgerConsumer;
import dev.attest.common.testapp.Noted;
import dev.attest.common.testapp.Notes;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestSpans;
import dev.attest.testing.TopicReader;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** A request's trace goes with its events: outbox row, ce_traceparent, the consumer's span and what it publishes. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class EventTracingTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TestSpans spans;

    @Inject
    Notes notes;

    @Inject
    @Any
    Instance<SpanExporter> exporters;

    @Test
    void anEventPublishedInARequestIsProcessedInTheRequestsTraceAndSoIsTheEventItsHandlerPublishes() {
        String traceId = randomHex(32);
        String callerSpan = randomHex(16);
        String key = LedgerConsumer.ECHO + UUID.randomUUID();
        String reply = key + "-reply";
        try (TopicReader topic = TopicReader.of(Noted.TOPIC)) {
            given().header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                    .post("/test/notes/" + key)
                    .then()
                    .statusCode(204);

            List<ConsumerRecord<String, byte[]>> records =
                    topic.readUntil(read -> read.stream().anyMatch(r -> reply.equals(r.key())), WAIT);

            String sent = traceparentOf(records, key);
            String replied = traceparentOf(records, reply);
            assertThat(TraceParents.traceId(sent)).isEqualTo(traceId);
            assertThat(TraceParents.traceId(replied)).isEqualTo(traceId);
            assertThat(notes.count(
                            "select count(*) from attest_outbox where event_key = ? and traceparent = ?", key, sent))
                    .as("the outbox row keeps the trace context the event was sent with")
                    .isEqualTo(1);

            SpanData request = waitForSpan(traceId, SpanKind.SERVER, "POST /test/notes/{key}");
            assertThat(request.getParentSpanId())
                    .as("the caller's trace is continued")
                    .isEqualTo(callerSpan);
            SpanData created = spanWithId(spanIdOf(sent));
            assertThat(created.getName()).isEqualTo("CloudEvents Create " + Noted.TYPE);
            assertThat(created.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(created.getTraceId()).isEqualTo(traceId);

            SpanData processed =
                    waitForSpan(traceId, SpanKind.CONSUMER, "CloudEvents Process " + Noted.TYPE, spanIdOf(sent));
            assertThat(processed.getAttributes().get(EventSpans.HANDLER)).isEqualTo("test-ledger");
            assertThat(processed.getAttributes().get(EventSpans.DESTINATION)).isEqualTo(Noted.TOPIC);
            SpanData repliedCreated = spanWithId(spanIdOf(replied));
            assertThat(repliedCreated.getParentSpanId())
                    .as("the handler's event is created inside its processing span")
                    .isEqualTo(processed.getSpanId());
        }
    }

    @Test
    void eventSpansCarryEnvelopeIdsButNeitherTheKeyNorTheData() {
        String key = "private-" + UUID.randomUUID();
        notes.note(key, 7);

        SpanData processed = spans.awaitSpan(
                "the note's processing span",
                s -> s.getKind() == SpanKind.CONSUMER
                        && ("note/" + key).equals(s.getAttributes().get(EventSpans.EVENT_SUBJECT)));

        assertThat(processed.getAttributes().get(EventSpans.EVENT_TYPE)).isEqualTo(Noted.TYPE);
        assertThat(processed.getAttributes().get(EventSpans.EVENT_ID)).isNotBlank();
        assertThat(processed.getAttributes().asMap().values())
                .as("no attribute holds the Kafka key, the organization or the data")
                .noneMatch(value ->
                        value.toString().equals(key) || value.toString().contains("org-test"))
                .noneMatch(value -> value.toString().contains("\"seq\""));
    }

    @Test
    void withoutAConfiguredEndpointSpansStayInTheProcess() {
        // Quarkus installs its OTLP exporter only when no exporter bean can be looked up (NoCollector).
        assertThat(exporters.stream()).anyMatch(NoCollector.class::isInstance);
    }

    private SpanData waitForSpan(String traceId, SpanKind kind, String name) {
        return waitForSpan(traceId, kind, name, null);
    }

    private SpanData waitForSpan(String traceId, SpanKind kind, String name, String parentSpanId) {
        return spans.awaitSpan(
                "a " + kind + " span " + name + " in trace " + traceId,
                s -> s.getTraceId().equals(traceId)
                        && s.getKind() == kind
                        && s.getName().equals(name)
                        && (parentSpanId == null || s.getParentSpanId().equals(parentSpanId)));
    }

    private SpanData spanWithId(String spanId) {
        return spans.awaitSpan("span " + spanId, s -> s.getSpanId().equals(spanId));
    }

    private static String traceparentOf(List<ConsumerRecord<String, byte[]>> records, String key) {
        ConsumerRecord<String, byte[]> record = records.stream()
                .filter(r -> key.equals(r.key()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no record with key " + key));
        Header header = record.headers().lastHeader("ce_traceparent");
        assertThat(header).as("ce_traceparent of " + key).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String spanIdOf(String traceparent) {
        return traceparent.split("-")[2];
    }

    private static String randomHex(int length) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < length) {
            hex.append(UUID.randomUUID().toString().replace("-", ""));
        }
        return hex.substring(0, length);
    }
}
