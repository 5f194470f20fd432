package dev.attest.compliance.rest;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.attest.compliance.support.KycEventsOnKafka;
import dev.attest.compliance.support.TestOrg;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A case whose webhooks are all lost still reaches its final status: once it has waited long enough, the
 * reconciliation retrieves its inquiry from Persona (the sandbox's {@code GET /api/v1/inquiries/{id}}) and
 * applies it as a webhook would. In these tests a case is "old enough" only when a test backdates it.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class ReconciliationTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCaseWhoseWebhooksAreLostReachesItsFinalStatusOnceAndTheLateWebhooksChangeNothing() {
        TestOrg org = TestOrg.createWithoutWebhooks("auto-approve");
        String user = "user-" + UUID.randomUUID();
        JsonPath started =
                KycFlowTest.start(org, user).then().statusCode(200).extract().jsonPath();
        String caseId = started.getString("case_id");
        String inquiry = started.getString("persona_inquiry_id");
        KycFlowTest.completeOnSandboxPage(inquiry, started.getString("persona_session_token"));

        // Persona has decided; not one webhook reached this service.
        given().auth()
                .oauth2(org.apiKey())
                .get("/persona/api/v1/inquiries/" + inquiry)
                .then()
                .statusCode(200)
                .body("data.attributes.status", equalTo("approved"));
        assertThat(deliveries(inquiry)).isEmpty();
        org.admin().get("/compliance/kyc/" + caseId).then().body("status", equalTo("pending"));

        backdate(caseId);
        JsonPath verified = KycFlowTest.awaitStatus(org, user, caseId, "verified");
        assertThat(verified.getString("persona_status")).isEqualTo("approved");
        assertThat(verified.getString("decided_by")).isEqualTo("provider");
        assertThat(verified.getString("reason")).isEqualTo("persona.approved");
        // The inquiry read back includes its checks: they are the case's steps as if their webhooks had come.
        List<String> steps = steps(org, caseId);
        assertThat(steps).containsExactly("government-id/passed", "selfie/passed", "inquiry/passed");

        // The lost webhooks arrive after all, every one of them: the case does not move and nothing is announced twice.
        given().contentType("application/json")
                .body(Map.of(
                        "api_key",
                        org.apiKey(),
                        "webhook_url",
                        org.webhookUrl(),
                        "webhook_secret",
                        org.webhookSecret(),
                        "scenario",
                        Map.of("decision", "auto-approve")))
                .post("/persona/_sandbox/organizations")
                .then()
                .statusCode(201);
        given().contentType("application/json")
                .body(Map.of("times", 1))
                .post("/persona/_sandbox/inquiries/" + inquiry + "/redeliver")
                .then()
                .statusCode(202);
        int events = given().get("/persona/_sandbox/inquiries/" + inquiry + "/events")
                .jsonPath()
                .getList("$")
                .size();
        long processed = waitFor("the inquiry's webhooks processed")
                .until(
                        () -> sql().count(
                                        "select count(*) from persona_webhook where inquiry_id = ? and state <> 'received'",
                                        inquiry),
                        count -> count >= events);
        assertThat(processed).isEqualTo(events);
        List<String> history = org.admin()
                .get("/orgs/" + org.id() + "/kyc/cases/" + caseId + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("to_status");
        assertThat(history).containsExactly("verified");
        org.admin().get("/compliance/kyc/" + caseId).then().body("status", equalTo("verified"));
        assertThat(steps(org, caseId)).isEqualTo(steps);
        try (KycEventsOnKafka kafka = new KycEventsOnKafka()) {
            kafka.of(caseId, list -> list.stream().anyMatch(e -> e.type().equals("attest.kyc.status-changed.v1")));
            List<String> statuses = kafka.settle(caseId, Duration.ofSeconds(2)).stream()
                    .filter(e -> e.type().equals("attest.kyc.status-changed.v1"))
                    .map(e -> e.data().get("status").asText())
                    .toList();
            assertThat(statuses).containsExactly("verified");
        }
    }

    @Test
    void aCaseStillWaitingAtPersonaStaysPendingAndIsAskedAgainOnlyLater() {
        TestOrg org = TestOrg.createWithoutWebhooks("none");
        String user = "user-" + UUID.randomUUID();
        String caseId =
                KycFlowTest.start(org, user).then().statusCode(200).extract().path("case_id");

        backdate(caseId);
        Object asked = waitFor("the case asked about")
                .until(
                        () -> sql().scalar("select reconciled_at from kyc_case where id = ?::uuid", caseId),
                        java.util.Objects::nonNull);
        assertThat(asked).as("the case was asked about").isNotNull();

        // Persona still shows it created: nothing to change, nothing announced, and no second question soon.
        org.admin().get("/compliance/kyc/" + caseId).then().body("status", equalTo("pending"));
        assertThat(org.admin()
                        .get("/orgs/" + org.id() + "/kyc/cases/" + caseId + "/history")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("$"))
                .isEmpty();
        try (KycEventsOnKafka kafka = new KycEventsOnKafka()) {
            kafka.of(caseId, list -> !list.isEmpty());
            assertThat(kafka.settle(caseId, Duration.ofSeconds(2)))
                    .extracting(KycEventsOnKafka.Event::type)
                    .containsExactly("attest.kyc.case-opened.v1");
        }
        assertThat(sql().scalar("select reconciled_at from kyc_case where id = ?::uuid", caseId))
                .isEqualTo(asked);
    }

    /** The case has been unchanged for two hours: due for reconciliation (min-age is 1 h in the tests). */
    /** The case's steps as {@code kind/status}, oldest first. */
    private static List<String> steps(TestOrg org, String caseId) {
        JsonPath steps = org.caseSteps(caseId);
        List<String> kinds = steps.getList("history.kind");
        List<String> statuses = steps.getList("history.status");
        return java.util.stream.IntStream.range(0, kinds.size())
                .mapToObj(i -> kinds.get(i) + "/" + statuses.get(i))
                .toList();
    }

    private void backdate(String caseId) {
        assertThat(sql().update(
                                "update kyc_case set updated_at = now() - interval '2 hours' where id = ?::uuid",
                                caseId))
                .isEqualTo(1);
    }

    private static List<Object> deliveries(String inquiry) {
        return given().queryParam("inquiry_id", inquiry)
                .get("/persona/_sandbox/deliveries")
                .jsonPath()
                .getList("$");
    }

    private TestDatabase sql() {
        return new TestDatabase(dataSource);
    }
}
