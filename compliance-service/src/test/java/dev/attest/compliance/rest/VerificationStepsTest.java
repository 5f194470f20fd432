package dev.attest.compliance.rest;

import static dev.attest.compliance.rest.KycFlowTest.completeOnSandboxPage;
import static dev.attest.compliance.rest.KycFlowTest.start;
import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.attest.compliance.support.PersonaSigner;
import dev.attest.compliance.support.StepScenario;
import dev.attest.compliance.support.TestOrg;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Verification steps: recorded from Persona's webhooks, converging, and shown against what is required. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class VerificationStepsTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void theSandboxFlowRecordsEachCheckAndShowsThePersonAndReviewersWhatIsLeft() {
        TestOrg org = TestOrg.create("needs-review");
        requireSteps(org, List.of("government-id", "selfie", "database")).then().statusCode(200);
        String user = "user-" + UUID.randomUUID();
        JsonPath started = start(org, user).then().statusCode(200).extract().jsonPath();
        String caseId = started.getString("case_id");
        completeOnSandboxPage(started.getString("persona_inquiry_id"), started.getString("persona_session_token"));

        JsonPath steps = waitFor("both checks passed and the inquiry in review")
                .until(
                        () -> org.user(user)
                                .get("/compliance/kyc/" + caseId + "/steps")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        json -> json.getList("history.status").equals(List.of("passed", "passed", "submitted")));
        assertThat(steps.getList("history.kind")).containsExactly("government-id", "selfie", "inquiry");
        assertThat(steps.getList("history.provider_status")).containsExactly("passed", "passed", "needs_review");
        assertThat(steps.getList("history.provider_step_id", String.class))
                .allSatisfy(id -> assertThat(id).matches("(ver|inq)_[0-9a-f]+"));
        assertThat(steps.getList("required.kind")).containsExactly("government-id", "selfie", "database");
        assertThat(steps.getList("required.status")).containsExactly("passed", "passed", "not-started");
        assertThat(steps.getList("required.done")).containsExactly(true, true, false);
        assertThat(steps.getList("remaining")).containsExactly("database");
        assertThat(steps.getBoolean("complete")).isFalse();
        assertThat(steps.getString("case_status")).isEqualTo("review");

        String reviewersView = org.admin()
                .get("/orgs/" + org.id() + "/kyc/cases/" + caseId + "/steps")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(JsonPath.from(reviewersView).getList("history.status"))
                .containsExactly("passed", "passed", "submitted");
        // Persona's government id carries the person's name (from the inquiry's fields): kept nowhere.
        assertThat(reviewersView).doesNotContain("Ada").doesNotContain("Lovelace");
        assertThat(new TestDatabase(dataSource)
                        .count(
                                "select count(*) from persona_webhook where org_id = ? and steps like '%Ada%'",
                                org.id()))
                .isZero();
    }

    @Test
    void onlyTheCasesOwnerAndItsOrganizationsAdminsSeeItsSteps() {
        TestOrg org = TestOrg.createWithoutWebhooks("none");
        TestOrg other = TestOrg.createWithoutWebhooks("none");
        String user = "user-" + UUID.randomUUID();
        String caseId = start(org, user).then().statusCode(200).extract().path("case_id");

        org.user(user).get("/compliance/kyc/" + caseId + "/steps").then().statusCode(200);
        org.user("someone-else")
                .get("/compliance/kyc/" + caseId + "/steps")
                .then()
                .statusCode(404);
        other.admin()
                .get("/orgs/" + other.id() + "/kyc/cases/" + caseId + "/steps")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        org.admin()
                .get("/orgs/" + other.id() + "/kyc/cases/" + caseId + "/steps")
                .then()
                .statusCode(404);
        org.admin()
                .get("/orgs/" + org.id() + "/kyc/cases/not-a-case/steps")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(GatewayTokens.apiKey(
                        org.id(), "project-" + UUID.randomUUID(), "key-" + UUID.randomUUID(), "kyc:read"))
                .get("/compliance/kyc/" + caseId + "/steps")
                .then()
                .statusCode(403);
        // Nothing reported yet, nothing required: nothing left either.
        org.admin()
                .get("/orgs/" + org.id() + "/kyc/cases/" + caseId + "/steps")
                .then()
                .statusCode(200)
                .body("history", equalTo(List.of()))
                .body("required", equalTo(List.of()))
                .body("complete", equalTo(true));
    }

    @Test
    void requiredStepsAreValidatedAndBadInputStoresNothing() {
        TestOrg org = TestOrg.createWithoutWebhooks("none");
        requireSteps(org, List.of("government-id", "selfie")).then().statusCode(200);

        for (List<String> bad : List.of(
                List.of("Government ID"),
                List.of("selfie", "selfie"),
                List.of("-selfie"),
                List.of("x".repeat(65)),
                IntStream.range(0, 17).mapToObj(i -> "step-" + i).toList())) {
            requireSteps(org, bad)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://attest.dev/problems/validation-failed"));
        }
        org.admin()
                .get("/orgs/" + org.id() + "/integrations/persona")
                .then()
                .statusCode(200)
                .body("required_steps", equalTo(List.of("government-id", "selfie")));
        // Left out, they stay; an empty list clears them.
        org.admin()
                .body(Map.of("environment", "sandbox"))
                .put("/orgs/" + org.id() + "/integrations/persona")
                .then()
                .statusCode(200)
                .body("required_steps", equalTo(List.of("government-id", "selfie")));
        requireSteps(org, List.of()).then().statusCode(200).body("required_steps", equalTo(List.of()));
    }

    /**
     * One realistic sequence of Persona events, delivered to several cases each in its own seeded shuffle with
     * every event sent one to three times: every case ends with the one same history.
     */
    @Test
    void stepHistoryConvergesUnderDuplicatedAndReorderedEvents() {
        TestOrg org = TestOrg.createWithoutWebhooks("none");
        Instant t0 = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        List<String> caseIds = new ArrayList<>();
        List<String> inquiries = new ArrayList<>();
        for (int seed = 0; seed < 6; seed++) {
            JsonPath started = start(org, "user-" + UUID.randomUUID())
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            caseIds.add(started.getString("case_id"));
            String inquiry = started.getString("persona_inquiry_id");
            inquiries.add(inquiry);
            Random random = new Random(seed);
            List<byte[]> deliveries = new ArrayList<>();
            for (byte[] event : StepScenario.events(inquiry, "evt_" + UUID.randomUUID(), t0)) {
                int copies = 1 + random.nextInt(3);
                for (int copy = 0; copy < copies; copy++) {
                    deliveries.add(event);
                }
            }
            Collections.shuffle(deliveries, random);
            deliveries.forEach(body -> deliver(org, body));
        }
        TestDatabase sql = new TestDatabase(dataSource);
        waitFor("every delivered event applied")
                .until(
                        () -> sql.count(
                                "select count(*) from persona_webhook where org_id = ? and state = 'received'",
                                org.id()),
                        waiting -> waiting == 0);

        for (String caseId : caseIds) {
            assertThat(history(org, caseId, t0)).as("case " + caseId).isEqualTo(StepScenario.expected());
        }
        assertThat(sql.count(
                        "select count(*) from persona_webhook where org_id = ? and state in ('unmatched', 'failed')",
                        org.id()))
                .isZero();
    }

    private List<String> history(TestOrg org, String caseId, Instant t0) {
        JsonPath steps = org.caseSteps(caseId);
        List<String> history = new ArrayList<>();
        for (int i = 0; i < steps.getList("history").size(); i++) {
            String prefix = "history[" + i + "].";
            String kind = steps.getString(prefix + "kind");
            long seconds = Duration.between(
                            t0,
                            OffsetDateTime.parse(steps.getString(prefix + "at")).toInstant())
                    .toSeconds();
            history.add(kind + "/"
                    + (kind.equals("inquiry") ? "inquiry" : steps.getString(prefix + "provider_step_id")) + "/"
                    + steps.getString(prefix + "status") + "/" + steps.getString(prefix + "provider_status") + "/"
                    + seconds);
        }
        return history;
    }

    private static void deliver(TestOrg org, byte[] body) {
        given().header(
                        "Persona-Signature",
                        PersonaSigner.header(org.webhookSecret(), Instant.now().getEpochSecond(), body))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/webhooks/persona/" + org.id())
                .then()
                .statusCode(200);
    }

    private static io.restassured.response.Response requireSteps(TestOrg org, List<String> kinds) {
        return org.admin().body(Map.of("required_steps", kinds)).put("/orgs/" + org.id() + "/integrations/persona");
    }
}
