package dev.attest.wallet.client;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attest.testing.AnvilResource;
import dev.attest.testing.ClientMetrics;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestSpans;
import dev.attest.wallet.support.DfnsAccount;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class DfnsClientTest {
    @Inject
    DfnsClient dfns;

    @Inject
    TestSpans spans;

    @Inject
    Tracer tracer;

    @Inject
    CircuitBreakerMaintenance circuits;

    @AfterEach
    void clearFaults() {
        given().delete("/dfns/_sandbox/faults").then().statusCode(204);
    }

    @Test
    void serverErrorsAreRetriedUntilDfnsAnswers() {
        DfnsCredentials credentials = credentials(DfnsAccount.register("EC"));
        fault("{\"kind\":\"server-error\",\"status\":503,\"count\":2,\"pathContains\":\"/dfns/wallets\"}");

        DfnsWallet wallet = dfns.createWallet(credentials, "Ethereum", "w", "ext-" + UUID.randomUUID(), List.of());

        assertThat(wallet.id()).startsWith("wa-");
        assertThat(dfns.listWallets(credentials, 10, Optional.empty()).items())
                .extracting(DfnsWallet::id)
                .containsExactly(wallet.id());
    }

    @Test
    void aRateLimitThatOutlastsTheRetriesIsReportedAsUnavailable() {
        DfnsCredentials credentials = credentials(DfnsAccount.register("EC"));
        fault("{\"kind\":\"server-error\",\"status\":429,\"count\":10,\"pathContains\":\"/dfns/wallets\"}");

        assertThatThrownBy(() -> dfns.listWallets(credentials, 10, Optional.empty()))
                .isInstanceOf(DfnsUnavailableException.class)
                .hasMessageContaining("429");
    }

    @Test
    void dfnsErrorsAreMappedWithTheirMessage() {
        DfnsCredentials credentials = credentials(DfnsAccount.register("EC"));
        assertThatThrownBy(() -> dfns.getWallet(credentials, "wa-unknown"))
                .isInstanceOfSatisfying(
                        DfnsException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining("not found");
    }

    @Test
    void aSecondCreateWithTheSameExternalIdAnswersTheFirstWallet() {
        DfnsCredentials credentials = credentials(DfnsAccount.register("RSA"));
        String externalId = "ext-" + UUID.randomUUID();
        DfnsWallet first = dfns.createWallet(credentials, "Ethereum", "w", externalId, List.of("a"));
        DfnsWallet again = dfns.createWallet(credentials, "Ethereum", "w", externalId, List.of("a"));
        assertThat(again.id()).isEqualTo(first.id());
        assertThatThrownBy(() -> dfns.createWallet(credentials, "Polygon", "w", externalId, List.of("a")))
                .isInstanceOfSatisfying(
                        DfnsException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void aPolicyPendingTransferIsNotReportedAsDone() {
        DfnsCredentials credentials = credentials(DfnsAccount.register("EC"));
        DfnsWallet wallet = dfns.createWallet(credentials, "Ethereum", "w", "ext-" + UUID.randomUUID(), List.of());
        fault("{\"kind\":\"policy-pending\"}");

        DfnsTransfer transfer = dfns.createTransfer(
                credentials, wallet.id(), "0x" + "12".repeat(20), "1", Optional.empty(), "x-" + UUID.randomUUID());

        assertThat(transfer.policyPending()).isTrue();
        assertThat(transfer.status()).isEqualTo("Pending");
    }

    @Test
    void eachDfnsExchangeIsOneClientSpanWithoutIdsOrSecretsAndNoTraceContextReachesDfns() {
        DfnsCredentials credentials = credentials(DfnsAccount.register("EC"));
        DfnsWallet wallet = dfns.createWallet(credentials, "Ethereum", "w", "ext-" + UUID.randomUUID(), List.of());
        Span parent = tracer.spanBuilder("caller").startSpan();
        try (Scope ignored = parent.makeCurrent()) {
            assertThat(dfns.getWallet(credentials, wallet.id()).id()).isEqualTo(wallet.id());
        } finally {
            parent.end();
        }

        List<SpanData> exchanges = spans.clientSpansUnder(parent.getSpanContext());
        assertThat(exchanges).hasSize(1);
        SpanData span = exchanges.get(0);
        URI base = URI.create(credentials.apiBaseUrl());
        assertThat(span.getName()).isEqualTo("dfns GET");
        assertThat(span.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
        assertThat(span.getAttributes().get(AttributeKey.stringKey("attest.provider")))
                .isEqualTo("dfns");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("http.request.method")))
                .isEqualTo("GET");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("server.address")))
                .isEqualTo(base.getHost());
        assertThat(span.getAttributes().get(AttributeKey.longKey("server.port")))
                .isEqualTo((long) base.getPort());
        assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
                .isEqualTo(200L);
        assertThat(span.getAttributes().asMap().values())
                .as("no path with its ids, no credential")
                .noneMatch(value -> value.toString().contains(wallet.id())
                        || value.toString().contains(credentials.token())
                        || value.toString().contains("/wallets"));

        JsonPath seen = given().get("/dfns/_sandbox/trace-context")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(seen.getLong("requests")).isPositive();
        assertThat(seen.getLong("with_trace_context"))
                .as("requests that reached the Dfns sandbox with traceparent, tracestate or baggage")
                .isZero();

        String metrics = ClientMetrics.scrape();
        assertThat(ClientMetrics.requestCounts(metrics, "dfns"))
                .anyMatch(line -> line.contains("uri=\"/wallets/{walletId}\"") && line.contains("method=\"GET\""))
                .anyMatch(line -> line.contains("uri=\"/auth/action/init\""));
        assertThat(metrics).doesNotContain(wallet.id());
    }

    @Test
    void aDfnsOutageOpensTheCircuitSoCallsFailAtOnceUntilATrialSucceeds() {
        DfnsCredentials credentials = credentials(DfnsAccount.register("EC"));
        DfnsWallet wallet = dfns.createWallet(credentials, "Ethereum", "w", "ext-" + UUID.randomUUID(), List.of());
        String down = "wa-down-" + UUID.randomUUID();
        fault("{\"kind\":\"server-error\",\"status\":503,\"count\":1000,\"pathContains\":\"" + down + "\"}");

        try {
            // Each call is tried 1 + 3 times: five calls fill the breaker's window of 20 exchanges with failures.
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> dfns.getWallet(credentials, down))
                        .isInstanceOf(DfnsUnavailableException.class);
            }
            assertThat(circuits.currentState(DfnsHttp.CIRCUIT)).isEqualTo(CircuitBreakerState.OPEN);
            assertThatThrownBy(() -> dfns.getWallet(credentials, wallet.id()))
                    .as("Dfns answers, but the open circuit does not ask it")
                    .isInstanceOf(DfnsUnavailableException.class)
                    .hasMessageContaining("paused");

            // After the breaker's delay, trial calls go through and close it.
            String answered = waitFor("a call once the breaker lets trial calls through")
                    .ignoreException(DfnsUnavailableException.class)
                    .until(() -> dfns.getWallet(credentials, wallet.id()).id(), wallet.id()::equals);
            assertThat(answered).isEqualTo(wallet.id());
            dfns.getWallet(credentials, wallet.id());
            assertThat(circuits.currentState(DfnsHttp.CIRCUIT)).isEqualTo(CircuitBreakerState.CLOSED);
        } finally {
            circuits.reset(DfnsHttp.CIRCUIT); // whatever happened above, the next tests meet a closed circuit
        }
    }

    private static void fault(String body) {
        given().body(body).post("/dfns/_sandbox/faults").then().statusCode(204);
    }

    private static DfnsCredentials credentials(DfnsAccount account) {
        return new DfnsCredentials(
                DfnsAccount.baseUrl() + "/dfns",
                account.token,
                account.credentialId,
                CredentialKeys.parsePrivateKey(account.privateKeyPem),
                Optional.empty());
    }
}
