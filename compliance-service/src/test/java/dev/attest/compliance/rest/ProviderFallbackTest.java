package dev.attest.compliance.rest;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.attest.compliance.client.PersonaClient;
import dev.attest.compliance.support.ProjectTokens;
import dev.attest.compliance.support.TenantEvents;
import dev.attest.compliance.support.TestOrg;
import dev.attest.contracts.EventTypes;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TenantEventData;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A project's fallback provider: a new case goes to Sumsub when Persona, the preferred provider, certainly created
 * nothing for it (credentials refused, rate-limited, not configured, circuit open), once, recorded on the case; never
 * when Persona may have created the inquiry (a 5xx, a timeout), and never for a case already opened.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class ProviderFallbackTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CircuitBreakerMaintenance circuits;

    @Test
    void refusedCredentialsSendANewCaseToTheFallbackOnceAndItStaysThere() {
        TestOrg org = TestOrg.create("none");
        withSumsub(org);
        org.admin()
                .body(Map.of("api_key", "key_refused_by_persona"))
                .put("/orgs/" + org.id() + "/integrations/persona")
                .then()
                .statusCode(200);
        String project = projectWithFallback(org, "persona", "sumsub");
        String user = "user-" + UUID.randomUUID();

        Response started = start(org, project, user);
        started.then()
                .statusCode(200)
                .body("provider", equalTo("sumsub"))
                .body("session_token", notNullValue())
                .body("provider_reference", notNullValue());
        String caseId = started.path("case_id");
        org.admin()
                .get("/orgs/" + org.id() + "/kyc/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("provider", equalTo("sumsub"))
                .body("fallback_from", equalTo("persona"))
                .body("fallback_reason", equalTo("credentials-refused"))
                .body("fallback_at", notNullValue());
        assertThat(org.inquiriesAtPersona(caseId)).isZero();

        // Persona works again: the case in flight stays at Sumsub, resumed there with a fresh token.
        org.admin()
                .body(Map.of("api_key", org.apiKey()))
                .put("/orgs/" + org.id() + "/integrations/persona")
                .then()
                .statusCode(200);
        start(org, project, user)
                .then()
                .statusCode(200)
                .body("case_id", equalTo(caseId))
                .body("provider", equalTo("sumsub"))
                .body("provider_reference", equalTo(started.path("provider_reference")))
                .body("session_token", notNullValue());
        assertThat(org.inquiriesAtPersona(caseId)).isZero();
        assertThat(sql().count("select count(*) from kyc_case where user_id = ?", user))
                .isEqualTo(1);
        // One case-opened event, naming the provider the case is at.
        assertThat(sql().scalar(
                                "select string_agg(data->>'provider', ',') from attest_outbox where type = ? and data->>'case_id' = ?",
                                EventTypes.Kyc.CASE_OPENED,
                                caseId))
                .isEqualTo("sumsub");
    }

    @Test
    void aRateLimitedOrUnconfiguredPreferredProviderSendsNewCasesToTheFallback() {
        TestOrg org = TestOrg.create("none");
        withSumsub(org);
        String project = projectWithFallback(org, "persona", "sumsub");
        org.scriptFaults(1000, 429);
        String limited = start(org, project, "user-" + UUID.randomUUID())
                .then()
                .statusCode(200)
                .body("provider", equalTo("sumsub"))
                .extract()
                .path("case_id");
        assertThat(fallbackOf(limited)).isEqualTo("persona/rate-limited");
        org.scriptFaults(0, 429);

        // An organization that never set up its preferred provider: no call is made, the fallback takes the case.
        String unconfiguredOrg = "org-" + UUID.randomUUID();
        TestOrg bare = new TestOrg(unconfiguredOrg, "unused", "unused");
        withSumsub(bare);
        String bareProject = projectWithFallback(bare, "persona", "sumsub");
        String unconfigured = start(bare, bareProject, "user-" + UUID.randomUUID())
                .then()
                .statusCode(200)
                .body("provider", equalTo("sumsub"))
                .extract()
                .path("case_id");
        assertThat(fallbackOf(unconfigured)).isEqualTo("persona/not-configured");
    }

    @Test
    void aCaseWhoseCallMayHaveCreatedTheInquiryNeverMoves() {
        TestOrg org = TestOrg.create("none");
        withSumsub(org);
        String project = projectWithFallback(org, "persona", "sumsub");
        String user = "user-" + UUID.randomUUID();
        // A 500 may come after Persona stored the inquiry: nothing proves it did not.
        org.scriptFaults(1000, 500);
        start(org, project, user)
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://attest.dev/problems/kyc-provider-unavailable"));
        String caseId = sql().scalar("select id::text from kyc_case where user_id = ?", user)
                .toString();

        // Even when Persona then answers in a way that proves nothing, the case stays: the earlier call is in doubt.
        org.scriptFaults(1000, 429);
        start(org, project, user).then().statusCode(503);
        assertThat(fallbackOf(caseId)).isEqualTo("persona/none");

        org.scriptFaults(0, 500);
        start(org, project, user).then().statusCode(200).body("provider", equalTo("persona"));
        assertThat(org.inquiriesAtPersona(caseId)).isEqualTo(1);
    }

    @Test
    void withoutAFallbackTheProvidersAnswerStands() {
        TestOrg org = TestOrg.create("none");
        withSumsub(org);
        String project = projectWithFallback(org, "persona", null);
        org.scriptFaults(1000, 429);
        start(org, project, "user-" + UUID.randomUUID())
                .then()
                .statusCode(503)
                .body("type", equalTo("https://attest.dev/problems/kyc-provider-unavailable"));
        org.scriptFaults(0, 429);
    }

    @Test
    void anOpenCircuitSendsNewCasesToTheFallbackWithoutCallingPersona() {
        TestOrg failing = TestOrg.create("none");
        failing.scriptFaults(1000, 503);
        // Enough failing calls to fill the breaker's window (10 calls, half of them failing opens it).
        for (int i = 0; i < 12; i++) {
            KycFlowTest.start(failing, "user-" + UUID.randomUUID()).then().statusCode(503);
        }
        assertThat(circuits.currentState(PersonaClient.CIRCUIT)).isEqualTo(CircuitBreakerState.OPEN);
        failing.scriptFaults(0, 503);

        TestOrg org = TestOrg.create("none");
        withSumsub(org);
        String project = projectWithFallback(org, "persona", "sumsub");
        String caseId = start(org, project, "user-" + UUID.randomUUID())
                .then()
                .statusCode(200)
                .body("provider", equalTo("sumsub"))
                .extract()
                .path("case_id");
        assertThat(fallbackOf(caseId)).isEqualTo("persona/circuit-open");
        assertThat(org.inquiriesAtPersona(caseId)).isZero();

        // Leave Persona's one circuit closed for the tests after this one.
        waitFor("Persona's circuit closed after a trial call")
                .until(
                        () -> {
                            KycFlowTest.start(failing, "user-" + UUID.randomUUID());
                            return circuits.currentState(PersonaClient.CIRCUIT);
                        },
                        state -> state == CircuitBreakerState.CLOSED);
    }

    /** The organization's Sumsub app at the sandbox and its settings here. */
    private static void withSumsub(TestOrg org) {
        String token = "sbx:" + UUID.randomUUID().toString().replace("-", "");
        String secret = "secret_" + UUID.randomUUID().toString().replace("-", "");
        String webhookSecret = "whsec_" + UUID.randomUUID().toString().replace("-", "");
        given().contentType("application/json")
                .body(Map.of("app_token", token, "secret_key", secret, "webhook_secret", webhookSecret))
                .post("/sumsub/_sandbox/apps")
                .then()
                .statusCode(201);
        org.admin()
                .body(Map.of(
                        "app_token",
                        token,
                        "secret_key",
                        secret,
                        "level_name",
                        "basic-kyc-level",
                        "webhook_secrets",
                        List.of(webhookSecret)))
                .put("/orgs/" + org.id() + "/integrations/sumsub")
                .then()
                .statusCode(200);
    }

    private String projectWithFallback(TestOrg org, String preferred, String fallback) {
        String projectId = UUID.randomUUID().toString();
        Map<String, String> data = fallback == null
                ? TenantEventData.project(org.id(), projectId, preferred, "ethereum-sepolia")
                : TenantEventData.project(org.id(), projectId, preferred, fallback, "ethereum-sepolia");
        TenantEvents.send("evt-" + projectId, EventTypes.Tenant.PROJECT_CREATED, org.id(), OffsetDateTime.now(), data);
        waitFor("the project in the tenant replica")
                .until(
                        () -> sql().count("select count(*) from attest_tenant_project where project_id = ?", projectId),
                        count -> count == 1);
        return projectId;
    }

    private static Response start(TestOrg org, String projectId, String user) {
        return given().auth()
                .oauth2(ProjectTokens.user(org.id(), projectId, user))
                .contentType("application/json")
                .body(Map.of("user_id", user, "document_type", "passport"))
                .post("/compliance/kyc");
    }

    /** {@code <fallback_from>/<fallback_reason>}, {@code none} where there is none. */
    private String fallbackOf(String caseId) {
        return sql().scalar(
                        "select coalesce(fallback_from, 'persona') || '/' || coalesce(fallback_reason, 'none')"
                                + " from kyc_case where id = ?::uuid",
                        caseId)
                .toString();
    }

    private TestDatabase sql() {
        return new TestDatabase(dataSource);
    }
}
