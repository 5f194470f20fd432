package dev.attest.e2e.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.e2e.Settings;
import dev.attest.e2e.auth.Keycloak;
import dev.attest.e2e.auth.SignedIn;
import dev.attest.e2e.client.EndUser;
import dev.attest.e2e.client.EndUser.Verification;
import dev.attest.e2e.http.HttpJson;
import dev.attest.e2e.probe.Waiting;
import dev.attest.e2e.system.TraceCollector.CollectedSpan;
import dev.attest.e2e.tenant.DemoTenant;
import dev.attest.e2e.tenant.DemoTenantSetup;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One user's onboarding is one trace: Persona's approval reaches the gateway, which starts the trace; it goes on
 * through compliance-service (the webhook stored, then applied by its worker), wallet-service (the KYC event, the
 * wallet provisioned by its worker at Dfns), identity-service (the wallet event, the identity sent and settled on
 * chain by its worker) and ends at notification-service, which tells the user. The spans are the ones the services
 * export over OTLP to the tests' {@link TraceCollector}.
 */
@ExtendWith(TheStack.class)
class TracingSystemTest {
    private static final Duration CONVERGE = Duration.ofMinutes(3);

    @Test
    void oneUsersApprovalIsOneTraceFromTheGatewayToTheNotification(LocalStack stack) {
        Optional<TraceCollector> collector = stack.traces();
        assumeTrue(collector.isPresent(), "the stack was not started by the tests: its spans go elsewhere");
        TraceCollector traces = collector.get();
        Settings settings = stack.settings();
        HttpJson http = new HttpJson();
        Keycloak keycloak = new Keycloak(settings, http);
        DemoTenant tenant = new DemoTenantSetup(settings, http, keycloak).ensure();
        SignedIn signedIn = keycloak.signUp(
                "trace-" + UUID.randomUUID().toString().substring(0, 8),
                UUID.randomUUID().toString(),
                tenant.slug());
        EndUser user = new EndUser(settings, http, signedIn);

        JsonNode kyc = user.startKyc();
        user.finishVerification(kyc, Verification.COMPLETE);
        user.awaitIssuedClaim(CONVERGE);
        String caseSubject = "kyc-case/" + kyc.path("case_id").asText();

        List<CollectedSpan> trace = Waiting.until(
                "the trace of " + caseSubject + " to reach notification-service, as one tree",
                CONVERGE,
                () -> traceOfApproval(traces, caseSubject));

        CollectedSpan root = trace.stream()
                .filter(CollectedSpan::isRoot)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no root span in " + describe(trace)));
        assertThat(root.service()).as("where the trace starts").isEqualTo("gateway");
        assertThat(root.kind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
        assertThat(trace.stream().filter(CollectedSpan::isRoot)).as("one root").hasSize(1);
        assertThat(trace.stream().map(CollectedSpan::service).distinct())
                .containsExactlyInAnyOrder(
                        "gateway", "compliance-service", "wallet-service", "identity-service", "notification-service");

        assertHas(trace, "compliance-service", "persona-webhooks apply");
        assertHas(trace, "wallet-service", "CloudEvents Process attest.kyc.status-changed.v1");
        assertHas(trace, "wallet-service", "wallet-provisioning provision");
        assertThat(trace)
                .as("wallet-service's calls to Dfns")
                .anyMatch(span -> span.service().equals("wallet-service") && span.kind() == SpanKind.SPAN_KIND_CLIENT);
        assertHas(trace, "identity-service", "CloudEvents Process attest.wallet.provisioned.v1");
        assertHas(trace, "identity-service", "identity-issuance onboard");
        assertHas(trace, "identity-service", "identity-issuance settle");
        assertHas(trace, "identity-service", "eth_sendRawTransaction");
        assertHas(trace, "notification-service", "CloudEvents Process attest.identity.claim-issued.v1");
    }

    /**
     * The trace in which compliance-service applied a webhook of the case and published its new status, once it
     * reached notification-service (the case's earlier webhooks, e.g. inquiry.completed, are traces of their own)
     * and every span's parent has arrived: each service hands its spans over on its own schedule, so a child can be
     * collected before its parent; a trace cut by a lost context never becomes whole, and the wait fails.
     */
    private static Optional<List<CollectedSpan>> traceOfApproval(TraceCollector traces, String caseSubject) {
        return traces.spans().stream()
                .filter(span -> span.name().equals("CloudEvents Create attest.kyc.status-changed.v1"))
                .filter(span -> caseSubject.equals(span.attributes().get("cloudevents.event_subject")))
                .map(span -> traces.trace(span.traceId()))
                .filter(trace -> trace.stream().anyMatch(span -> span.name().equals("persona-webhooks apply")))
                .filter(TracingSystemTest::reachesTheNotification)
                .filter(TracingSystemTest::isOneTree)
                .findFirst();
    }

    private static boolean isOneTree(List<CollectedSpan> trace) {
        Set<String> ids = trace.stream().map(CollectedSpan::spanId).collect(Collectors.toSet());
        return trace.stream().allMatch(span -> span.isRoot() || ids.contains(span.parentSpanId()));
    }

    private static boolean reachesTheNotification(List<CollectedSpan> trace) {
        return trace.stream()
                .anyMatch(span -> span.service().equals("notification-service")
                        && span.name().equals("CloudEvents Process attest.identity.claim-issued.v1"));
    }

    private static void assertHas(List<CollectedSpan> trace, String service, String name) {
        assertThat(trace)
                .as("a span %s of %s in %s", name, service, describe(trace))
                .anyMatch(span -> span.service().equals(service) && span.name().equals(name));
    }

    private static String describe(List<CollectedSpan> trace) {
        return trace.stream().map(span -> span.service() + ": " + span.name()).collect(Collectors.joining("; "));
    }
}
