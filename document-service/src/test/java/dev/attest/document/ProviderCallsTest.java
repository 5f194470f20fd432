package dev.attest.document;

import static dev.attest.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attest.document.client.ArweaveGateway;
import dev.attest.document.client.ArweaveUnavailableException;
import dev.attest.document.client.EvmNode;
import dev.attest.document.service.ArweaveStorage;
import dev.attest.document.support.ArweaveResource;
import dev.attest.document.support.DocumentApi;
import dev.attest.document.support.DocumentTestResources;
import dev.attest.testing.ClientMetrics;
import dev.attest.testing.TestDatabase;
import dev.attest.testing.TestSpans;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Arweave gateway and the EVM node are called through common's provider HTTP client: a client span per exchange
 * (no id in it), {@code http.client.requests} by path template, and the gateway guarded by a circuit breaker.
 */
@QuarkusTest
@DocumentTestResources
class ProviderCallsTest {
    private static final String CIRCUIT = "arweave-gateway";

    @Inject
    ArweaveStorage storage;

    @Inject
    ArweaveGateway gateway;

    @Inject
    EvmNode node;

    @Inject
    TestSpans spans;

    @Inject
    Tracer tracer;

    @Inject
    CircuitBreakerMaintenance circuits;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void storingADocumentIsArweaveClientSpansAndMetricsByTemplateWithoutIds() {
        String documentId = DocumentApi.uploaded(new byte[1000]).documentId();
        TestDatabase db = new TestDatabase(dataSource);

        Span parent = tracer.spanBuilder("storage pass").startSpan();
        try (Scope ignored = parent.makeCurrent()) {
            waitFor("the document stored").until(() -> {
                storage.runPass();
                return "stored".equals(db.scalar("select state from document where id = ?::uuid", documentId));
            });
        } finally {
            parent.end();
        }
        String txId = (String) db.scalar("select arweave_tx_id from document where id = ?::uuid", documentId);

        List<SpanData> calls = spans.clientSpansUnder(parent.getSpanContext());
        assertThat(calls).extracting(SpanData::getName).contains("arweave GET", "arweave POST");
        assertThat(calls).allMatch(span -> "arweave"
                .equals(span.getAttributes().get(AttributeKey.stringKey("attest.provider"))));
        assertThat(calls)
                .flatExtracting(span -> List.copyOf(span.getAttributes().asMap().values()))
                .noneMatch(value ->
                        value.toString().contains(txId) || value.toString().contains(documentId));

        String scraped = ClientMetrics.scrape();
        assertThat(ClientMetrics.requestCounts(scraped, "arweave"))
                .anyMatch(line -> line.contains("uri=\"/tx_anchor\""))
                .anyMatch(line -> line.contains("uri=\"/price/{bytes}\""))
                .anyMatch(line -> line.contains("uri=\"/tx/{id}/status\""))
                .anyMatch(line -> line.contains("uri=\"/tx\"") && line.contains("method=\"POST\""));
        assertThat(scraped).doesNotContain(txId);
    }

    @Test
    void anEvmNodeCallIsOneClientSpanAndMeasured() {
        Span parent = tracer.spanBuilder("condition").startSpan();
        try (Scope ignored = parent.makeCurrent()) {
            assertThat(node.balance(AccessConditionTest.FUNDED, "latest")).isPositive();
        } finally {
            parent.end();
        }

        List<SpanData> calls = spans.clientSpansUnder(parent.getSpanContext());
        assertThat(calls).extracting(SpanData::getName).containsExactly("evm-node POST");
        assertThat(ClientMetrics.requestCounts(ClientMetrics.scrape(), "evm-node"))
                .anyMatch(line -> line.contains("uri=\"/\""));
    }

    @Test
    void aGatewayThatKeepsFailingOpensTheCircuitUntilATrialSucceeds() {
        ArweaveResource.relay().down();
        try {
            // The breaker's window is 20 exchanges; 3 in 4 failing open it.
            for (int i = 0; i < 20; i++) {
                assertThatThrownBy(gateway::anchor).isInstanceOf(ArweaveUnavailableException.class);
            }
            assertThat(circuits.currentState(CIRCUIT)).isEqualTo(CircuitBreakerState.OPEN);
            ArweaveResource.relay().up();
            assertThatThrownBy(gateway::anchor)
                    .as("the gateway is back, but the open circuit does not ask it")
                    .isInstanceOf(ArweaveUnavailableException.class)
                    .hasMessageContaining("paused");

            waitFor("a trial call once the breaker lets it through")
                    .ignoreException(ArweaveUnavailableException.class)
                    .until(() -> !gateway.anchor().isEmpty());
            gateway.anchor();
            assertThat(circuits.currentState(CIRCUIT)).isEqualTo(CircuitBreakerState.CLOSED);
        } finally {
            ArweaveResource.relay().up();
            circuits.reset(CIRCUIT); // whatever happened above, the next tests meet a closed circuit
        }
    }
}
