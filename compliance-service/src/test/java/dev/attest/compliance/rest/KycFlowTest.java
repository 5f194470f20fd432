package dev.attest.compliance.rest;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.attest.common.security.Roles;
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
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class KycFlowTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aUserCompletesTheSandboxFlowAndTheSignedWebhookVerifiesTheCaseWithItsEventOnKafka() {
        TestOrg org = TestOrg.create("auto-approve");
        String user = "user-" + UUID.randomUUID();
        JsonPath started = start(org, user).then().statusCode(200).extract().jsonPath();
        String caseId = started.getString("case_id");
        assertThat(started.getString("persona_inquiry_id")).startsWith("inq_");
        assertThat(started.getString("persona_session_token")).isNotBlank();
        assertThat(started.getString("status")).isEqualTo("pending");

        completeOnSandboxPage(started.getString("persona_inquiry_id"), started.getString("persona_session_token"));

        JsonPath verified = awaitStatus(org, user, caseId, "verified");
        assertThat(verified.getFloat("score")).isEqualTo(1.0f);
        assertThat(verified.getString("persona_status")).isIn("completed", "approved");
        assertThat(verified.getString("decided_by")).isEqualTo("provider");
        try (KycEventsOnKafka kafka = new KycEventsOnKafka()) {
            List<KycEventsOnKafka.Event> events = kafka.of(caseId, list -> list.size() >= 2);
            assertThat(events)
                    .extracting(KycEventsOnKafka.Event::type)
                    .containsExactly("attest.kyc.case-opened.v1", "attest.kyc.status-changed.v1");
            KycEventsOnKafka.Event changed = events.get(1);
            assertThat(changed.key()).isEqualTo(org.id() + ":" + user);
            assertThat(changed.orgId()).isEqualTo(org.id());
            assertThat(changed.data().get("status").asText()).isEqualTo("verified");
            assertThat(changed.data().get("previous_status").asText()).isEqualTo("pending");
            assertThat(changed.data().get("provider").asText()).isEqualTo("persona");
            assertThat(changed.data().get("provider_reference").asText())
                    .isEqualTo(started.getString("persona_inquiry_id"));
        }
        org.user(user)
                .get("/compliance/kyc/me")
                .then()
                .statusCode(200)
                .body("kyc_status", equalTo("verified"))
                .body("next_action", equalTo("none"));
    }

    @Test
    void replayingEveryWebhookThreeTimesInShuffledOrderLeavesExactlyOneTransitionPerState() {
        TestOrg org = TestOrg.create("needs-review");
        String user = "user-" + UUID.randomUUID();
        JsonPath started = start(org, user).then().statusCode(200).extract().jsonPath();
        String caseId = started.getString("case_id");
        String inquiry = started.getString("persona_inquiry_id");
        completeOnSandboxPage(inquiry, started.getString("persona_session_token"));
        awaitStatus(org, user, caseId, "review");
        int events = given().get("/persona/_sandbox/inquiries/" + inquiry + "/events")
                .jsonPath()
                .getList("$")
                .size();

        given().contentType("application/json")
                .body(Map.of("times", 3, "shuffle", true))
                .post("/persona/_sandbox/inquiries/" + inquiry + "/redeliver")
                .then()
                .statusCode(202);
        List<Integer> replayed = waitFor("the redelivered webhooks delivered")
                .until(
                        () -> given().queryParam("inquiry_id", inquiry)
                                .get("/persona/_sandbox/deliveries")
                                .jsonPath()
                                .getList("status", Integer.class),
                        statuses -> statuses.size() >= events * 4);
        assertThat(replayed).hasSize(events * 4).containsOnly(200);

        List<String> history = org.admin()
                .get("/orgs/" + org.id() + "/kyc/cases/" + caseId + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("to_status");
        // created/started keep the case pending; completed makes it verified, marked-for-review makes it review.
        assertThat(history).doesNotHaveDuplicates().endsWith("review");
        try (KycEventsOnKafka kafka = new KycEventsOnKafka()) {
            List<String> statuses = kafka.settle(caseId, Duration.ofSeconds(2)).stream()
                    .filter(e -> e.type().equals("attest.kyc.status-changed.v1"))
                    .map(e -> e.data().get("status").asText())
                    .toList();
            assertThat(statuses).isEqualTo(history);
        }
    }

    @Test
    void anEventOlderThanWhatTheCaseShowsNeverMovesItBack() {
        // The decline is delivered before the completion it follows: the case stays rejected.
        TestOrg org = TestOrg.create("auto-decline", true, 0);
        String user = "user-" + UUID.randomUUID();
        JsonPath started = start(org, user).then().statusCode(200).extract().jsonPath();
        String caseId = started.getString("case_id");
        String inquiry = started.getString("persona_inquiry_id");
        completeOnSandboxPage(inquiry, started.getString("persona_session_token"));

        waitFor("the inquiry.completed webhook delivered")
                .until(
                        () -> given().queryParam("inquiry_id", inquiry)
                                .get("/persona/_sandbox/deliveries")
                                .jsonPath()
                                .getList("event_name", String.class),
                        names -> names.contains("inquiry.completed"));
        JsonPath kycCase = awaitStatus(org, user, caseId, "rejected");
        assertThat(kycCase.getString("persona_status")).isEqualTo("declined");
        assertThat(kycCase.getFloat("score")).isEqualTo(0.0f);
        List<String> history = org.admin()
                .get("/orgs/" + org.id() + "/kyc/cases/" + caseId + "/history")
                .then()
                .extract()
                .jsonPath()
                .getList("to_status");
        // The decline arrives first. If the worker runs between the two deliveries, the completion is stale and the
        // history is [rejected]; if both are stored before it runs, it applies them oldest first, [verified,
        // rejected]. Either way the case ends rejected and never moves back from it.
        assertThat(history).last().isEqualTo("rejected");
        assertThat(history.subList(history.indexOf("rejected"), history.size())).containsOnly("rejected");
        org.user(user).get("/compliance/kyc/me").then().body("next_action", equalTo("contact_support"));
    }

    @Test
    void aUserWithAnOpenCaseGetsThatCaseBackWithAFreshSessionNotASecondInquiry() {
        TestOrg org = TestOrg.create("none");
        String user = "user-" + UUID.randomUUID();
        org.user(user)
                .get("/compliance/kyc/me")
                .then()
                .statusCode(200)
                .body("kyc_status", equalTo("pending"))
                .body("next_action", equalTo("start"));
        JsonPath first = start(org, user).then().statusCode(200).extract().jsonPath();
        JsonPath second = start(org, user).then().statusCode(200).extract().jsonPath();

        assertThat(second.getString("case_id")).isEqualTo(first.getString("case_id"));
        assertThat(second.getString("persona_inquiry_id")).isEqualTo(first.getString("persona_inquiry_id"));
        assertThat(second.getString("persona_session_token")).isNotBlank();
        given().auth()
                .oauth2(org.apiKey())
                .get("/persona/api/v1/inquiries?filter[reference-id]=" + first.getString("case_id"))
                .then()
                .statusCode(200)
                .body("data.size()", equalTo(1));
        org.user(user)
                .get("/compliance/kyc/me")
                .then()
                .body("case_id", equalTo(first.getString("case_id")))
                .body("next_action", equalTo("resume"));
    }

    @Test
    void anExpiredInquiryStaysPendingAndTheNextStartRevivesItWithANewSession() {
        TestOrg org = TestOrg.create("auto-approve");
        String user = "user-" + UUID.randomUUID();
        JsonPath first = start(org, user).then().statusCode(200).extract().jsonPath();
        String caseId = first.getString("case_id");
        String inquiry = first.getString("persona_inquiry_id");
        given().post("/persona/_sandbox/inquiries/" + inquiry + "/expire")
                .then()
                .statusCode(200);
        JsonPath expired = waitFor("the expiry at Persona on the case")
                .until(
                        () -> org.user(user)
                                .get("/compliance/kyc/" + caseId)
                                .then()
                                .extract()
                                .jsonPath(),
                        json -> "expired".equals(json.getString("persona_status")));
        assertThat(expired.getString("persona_status")).isEqualTo("expired");
        assertThat(expired.getString("status")).isEqualTo("pending");

        JsonPath resumed = start(org, user).then().statusCode(200).extract().jsonPath();
        assertThat(resumed.getString("case_id")).isEqualTo(caseId);
        assertThat(resumed.getString("persona_session_token"))
                .isNotBlank()
                .isNotEqualTo(first.getString("persona_session_token"));
        completeOnSandboxPage(inquiry, resumed.getString("persona_session_token"));
        awaitStatus(org, user, caseId, "verified");
    }

    @Test
    void personalDataIsKeptOnlySealedUntilPersonaHasItAndAppearsInNoEventOrResponse() throws Exception {
        TestOrg org = TestOrg.create("none");
        String user = "user-" + UUID.randomUUID();
        String caseId = start(org, user).then().statusCode(200).extract().path("case_id");
        String shown = org.admin()
                .get("/orgs/" + org.id() + "/kyc/cases/" + caseId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(shown).doesNotContain("Lovelace").doesNotContain("X1234567");
        TestDatabase sql = new TestDatabase(dataSource);
        assertThat(sql.count(
                        "select count(*) from kyc_case where id = ?::uuid"
                                + " and personal_info_enc is null and document_data_enc is null",
                        caseId))
                .as("sealed copies erased once Persona has the data")
                .isEqualTo(1);
        assertThat(sql.count("select count(*) from kyc_case where kyc_case::text like '%Lovelace%'"
                        + " or kyc_case::text like '%X1234567%'"))
                .as("plaintext in cases")
                .isZero();
        assertThat(sql.count("select count(*) from attest_outbox where data::text like '%Lovelace%'"
                        + " or data::text like '%X1234567%'"))
                .as("plaintext in events")
                .isZero();
    }

    @Test
    void anotherOrganizationSeesNothingOfTheCase() {
        TestOrg org = TestOrg.create("none");
        TestOrg other = TestOrg.create("none");
        String user = "user-" + UUID.randomUUID();
        String caseId = start(org, user).then().statusCode(200).extract().path("case_id");

        org.admin().get("/orgs/" + org.id() + "/kyc/cases/" + caseId).then().statusCode(200);
        other.admin()
                .get("/orgs/" + other.id() + "/kyc/cases/" + caseId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        other.admin().get("/orgs/" + org.id() + "/kyc/cases/" + caseId).then().statusCode(404);
        other.admin().get("/compliance/kyc/" + caseId).then().statusCode(404);
        other.user(user).get("/compliance/kyc/" + caseId).then().statusCode(404);
        org.user("someone-else").get("/compliance/kyc/" + caseId).then().statusCode(404);
        org.user(user).get("/compliance/kyc/" + caseId).then().statusCode(200).body("case_id", equalTo(caseId));
    }

    @Test
    void badStartInputIsRefusedAndOpensNoCase() {
        TestOrg org = TestOrg.create("none");
        String user = "user-" + UUID.randomUUID();
        org.user(user)
                .body(Map.of("user_id", user, "document_type", "library_card"))
                .post("/compliance/kyc")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("document_type"));
        org.user(user)
                .body(Map.of("user_id", "somebody-else", "document_type", "passport"))
                .post("/compliance/kyc")
                .then()
                .statusCode(403);
        org.user(user).body("{not json").post("/compliance/kyc").then().statusCode(400);
        given().contentType("application/json")
                .body(Map.of("user_id", user, "document_type", "passport"))
                .post("/compliance/kyc")
                .then()
                .statusCode(401);
        org.user(user)
                .get("/compliance/kyc/me")
                .then()
                .body("case_id", equalTo(null))
                .body("next_action", equalTo("start"));
    }

    @Test
    void anOrganizationWithoutPersonaSettingsGetsAClearProblem() {
        String orgId = "org-" + UUID.randomUUID();
        given().auth()
                .oauth2(GatewayTokens.user(orgId, "u1", Roles.USER))
                .contentType("application/json")
                .body(Map.of("user_id", "u1", "document_type", "passport"))
                .post("/compliance/kyc")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://attest.dev/problems/persona-not-configured"));
    }

    @Test
    void personaFailuresAreRetriedAndAnOutageAnswers503ThenTheRetryFindsTheSameCase() {
        TestOrg org = TestOrg.create("none");
        String user = "user-" + UUID.randomUUID();
        org.scriptFaults(2, 500);
        JsonPath started = start(org, user).then().statusCode(200).extract().jsonPath();
        assertThat(started.getString("persona_inquiry_id")).startsWith("inq_");

        String other = "user-" + UUID.randomUUID();
        org.scriptFaults(10, 503);
        start(org, other)
                .then()
                .statusCode(503)
                .body("type", equalTo("https://attest.dev/problems/kyc-provider-unavailable"));
        org.scriptFaults(0, 500);
        JsonPath retried = start(org, other).then().statusCode(200).extract().jsonPath();
        assertThat(retried.getString("persona_inquiry_id")).isNotNull();
        given().auth()
                .oauth2(org.apiKey())
                .get("/persona/api/v1/inquiries?filter[reference-id]=" + retried.getString("case_id"))
                .then()
                .body("data.size()", equalTo(1));
    }

    static Response start(TestOrg org, String user) {
        return org.user(user)
                .body(Map.of(
                        "user_id",
                        user,
                        "document_type",
                        "passport",
                        "document_data",
                        Map.of("number", "X1234567"),
                        "personal_info",
                        Map.of("first_name", "Ada", "last_name", "Lovelace")))
                .post("/compliance/kyc");
    }

    static void completeOnSandboxPage(String inquiry, String token) {
        given().queryParam("inquiry-id", inquiry)
                .queryParam("session-token", token)
                .get("/persona/verify")
                .then()
                .statusCode(200);
        given().formParam("inquiry-id", inquiry)
                .formParam("session-token", token)
                .post("/persona/verify/complete")
                .then()
                .statusCode(200);
    }

    static JsonPath awaitStatus(TestOrg org, String user, String caseId, String status) {
        JsonPath kycCase = waitFor("the case " + status)
                .until(
                        () -> org.user(user)
                                .get("/compliance/kyc/" + caseId)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        json -> status.equals(json.getString("status")));
        assertThat(kycCase.getString("status")).isEqualTo(status);
        assertThat(kycCase.getString("created_at")).isNotNull();
        return kycCase;
    }
}
