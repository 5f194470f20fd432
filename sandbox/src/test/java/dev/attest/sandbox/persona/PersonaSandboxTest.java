package dev.attest.sandbox.persona;

import static dev.attest.sandbox.persona.PersonaTenants.API;
import static dev.attest.sandbox.persona.PersonaTenants.actOnHostedFlow;
import static dev.attest.sandbox.persona.PersonaTenants.awaitEvents;
import static dev.attest.sandbox.persona.PersonaTenants.awaitVerificationEvents;
import static dev.attest.sandbox.persona.PersonaTenants.create;
import static dev.attest.sandbox.persona.PersonaTenants.newInquiry;
import static dev.attest.sandbox.persona.PersonaTenants.receiverUrl;
import static dev.attest.sandbox.persona.PersonaTenants.register;
import static dev.attest.sandbox.persona.PersonaTenants.resume;
import static dev.attest.sandbox.persona.PersonaTenants.step;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.sandbox.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PersonaSandboxTest {
    @Test
    void createRequiresAValidKeyAndATemplateAndAnswersWithErrorsAndRateLimitHeaders() {
        given().body(create("itmpl_x", "ref"))
                .post(API)
                .then()
                .statusCode(401)
                .body("errors[0].title", equalTo("Unauthorized"));
        String key = register(null, "none", false, 0);
        given().auth()
                .oauth2(key)
                .body("{\"data\":{\"attributes\":{}}}")
                .post(API)
                .then()
                .statusCode(400)
                .header("RateLimit-Limit", "300")
                .header("RateLimit-Remaining", notNullValue())
                .body("errors[0].title", equalTo("Parameter missing"))
                .body("errors[0].source.pointer", equalTo("/data/attributes/inquiry-template-id"));
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswerAndRefusesOtherParameters() {
        String key = register(null, "none", false, 0);
        String first = given().auth()
                .oauth2(key)
                .header("Idempotency-Key", "case-1")
                .body(create("itmpl_a", "case-1"))
                .post(API)
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        String again = given().auth()
                .oauth2(key)
                .header("Idempotency-Key", "case-1")
                .body(create("itmpl_a", "case-1"))
                .post(API)
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        assertThat(again).isEqualTo(first);
        given().auth()
                .oauth2(key)
                .header("Idempotency-Key", "case-1")
                .body(create("itmpl_b", "case-1"))
                .post(API)
                .then()
                .statusCode(400)
                .body("errors[0].title", equalTo("Idempotency error"));
        given().auth()
                .oauth2(key)
                .get(API + "?filter[reference-id]=case-1")
                .then()
                .statusCode(200)
                .body("data.size()", equalTo(1));
    }

    @Test
    void aPersonCompletesTheHostedFlowAndSignedWebhooksFollowInOrder() throws Exception {
        String key = register(receiverUrl(), "auto-approve", false, 0);
        String inquiry = newInquiry(key);
        actOnHostedFlow(key, inquiry, "complete");

        List<JsonNode> events = awaitEvents(inquiry, list -> list.size() == 6);
        assertThat(step(events, "created")).containsExactly("inquiry.created/created");
        assertThat(step(events, "pending")).containsExactly("inquiry.started/pending", "inquiry.transitioned/pending");
        assertThat(step(events, "completed", "approved"))
                .containsExactly(
                        "inquiry.completed/completed", "inquiry.transitioned/completed", "inquiry.approved/approved");
        given().auth()
                .oauth2(key)
                .get(API + "/" + inquiry)
                .then()
                .statusCode(200)
                .body("data.attributes.status", equalTo("approved"));
    }

    @Test
    void completingTheFlowRunsAGovernmentIdThenASelfieCheckEachWithItsVerificationWebhooks() {
        String key = register(receiverUrl(), "auto-approve", false, 0);
        String inquiry = newInquiry(key, "{\"name-first\":\"Ada\"}");
        actOnHostedFlow(key, inquiry, "complete");

        List<JsonNode> events = awaitVerificationEvents(inquiry, list -> list.size() == 6);
        assertThat(checks(events, "verification/government-id"))
                .containsExactly(
                        "verification.created/initiated",
                        "verification.submitted/submitted",
                        "verification.passed/passed");
        assertThat(checks(events, "verification/selfie"))
                .containsExactly(
                        "verification.created/initiated",
                        "verification.submitted/submitted",
                        "verification.passed/passed");
        JsonNode passed = events.stream()
                .filter(e -> e.at("/data/attributes/name").asText().equals("verification.passed"))
                .findFirst()
                .orElseThrow()
                .at("/data/attributes/payload/data/attributes");
        assertThat(passed.path("completed-at").asText()).isNotBlank();
        assertThat(passed.path("submitted-at").asText()).isNotBlank();

        // The inquiry, read or in its own events, lists both checks as Persona does: relationships and included.
        List<JsonNode> inquiryEvents = awaitEvents(inquiry, list -> list.size() == 6);
        JsonNode approved = inquiryEvents.stream()
                .filter(e -> e.at("/data/attributes/name").asText().equals("inquiry.approved"))
                .findFirst()
                .orElseThrow();
        assertThat(approved.at("/data/attributes/payload/included"))
                .extracting(v -> v.path("type").asText() + "/"
                        + v.at("/attributes/status").asText())
                .containsExactly("verification/government-id/passed", "verification/selfie/passed");
        given().auth()
                .oauth2(key)
                .get(API + "/" + inquiry)
                .then()
                .statusCode(200)
                .body(
                        "data.relationships.verifications.data.type",
                        equalTo(List.of("verification/government-id", "verification/selfie")))
                .body("included.attributes.status", equalTo(List.of("passed", "passed")))
                .body("included[0].attributes.name-first", equalTo("Ada"));
    }

    @Test
    void failingTheFlowFailsTheGovernmentIdAndRunsNoSelfie() {
        String key = register(receiverUrl(), "none", false, 0);
        String inquiry = newInquiry(key);
        actOnHostedFlow(key, inquiry, "fail");

        List<JsonNode> events = awaitVerificationEvents(inquiry, list -> list.size() == 3);
        assertThat(checks(events, "verification/government-id"))
                .containsExactly(
                        "verification.created/initiated",
                        "verification.submitted/submitted",
                        "verification.failed/failed");
        assertThat(checks(events, "verification/selfie")).isEmpty();
    }

    /** One check's events, as {@code name/status}, in the order received (one step's events are sent in order). */
    private static List<String> checks(List<JsonNode> events, String type) {
        return events.stream()
                .filter(e ->
                        type.equals(e.at("/data/attributes/payload/data/type").asText()))
                .map(PersonaTenants::nameAndStatus)
                .toList();
    }

    @Test
    void everyWebhookIsSignedAsPersonaSignsItWithTheOrganizationsSecret() throws Exception {
        String key = register(receiverUrl(), "none", false, 0);
        String inquiry = newInquiry(key);
        awaitEvents(inquiry, list -> list.size() == 1);
        WebhookReceiver.Received received = WebhookReceiver.RECEIVED.stream()
                .filter(r -> new String(r.body(), StandardCharsets.UTF_8).contains(inquiry))
                .findFirst()
                .orElseThrow();
        String[] parts = received.signature().split(",");
        long t = Long.parseLong(parts[0].substring(2));
        assertThat(parts[1]).isEqualTo("v1=" + WebhookSignature.v1("wbhsec_" + key, t, received.body()));
    }

    @Test
    void signatureMatchesPersonasPublishedTestVector() {
        byte[] body =
                "{\"data\":{\"type\":\"event\",\"id\":\"evt_test\",\"attributes\":{\"name\":\"inquiry.completed\"}}}"
                        .getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.header("wbhsec_test", 1700000000L, body))
                .isEqualTo("t=1700000000,v1=8c9a7b3ab48954b50499fdaeca0a4dce814f5024a7cbcfd82662540fb832bd7a");
    }

    @Test
    void duplicateAndReversedDeliveriesAreScriptable() throws Exception {
        String key = register(receiverUrl(), "auto-decline", true, 1);
        String inquiry = newInquiry(key);
        actOnHostedFlow(key, inquiry, "complete");

        // created ×2, the start step reversed (transitioned, started) ×2, the completion step reversed ×2.
        List<JsonNode> events = awaitEvents(inquiry, list -> list.size() == 12);
        assertThat(step(events, "created")).containsExactly("inquiry.created/created", "inquiry.created/created");
        assertThat(step(events, "pending"))
                .containsExactly(
                        "inquiry.transitioned/pending",
                        "inquiry.transitioned/pending",
                        "inquiry.started/pending",
                        "inquiry.started/pending");
        assertThat(step(events, "completed", "declined"))
                .containsExactly(
                        "inquiry.declined/declined",
                        "inquiry.declined/declined",
                        "inquiry.transitioned/completed",
                        "inquiry.transitioned/completed",
                        "inquiry.completed/completed",
                        "inquiry.completed/completed");
    }

    @Test
    void aWebhookTheReceiverRefusesIsRetriedWithBackoffUntilItIsAccepted() throws Exception {
        String key = register(receiverUrl() + "/flaky", "none", false, 0);
        String inquiry = newInquiry(key);

        List<JsonNode> events = awaitEvents(inquiry, list -> list.size() == 1);
        assertThat(events).hasSize(1);
        List<Integer> attempts = given().queryParam("inquiry_id", inquiry)
                .get("/persona/_sandbox/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("status", Integer.class);
        assertThat(attempts).containsExactly(503, 503, 200);
    }

    @Test
    void resumeIsRefusedAfterCompletionAndRevivesAnExpiredInquiry() {
        String key = register(null, "none", false, 0);
        String inquiry = newInquiry(key);
        given().post("/persona/_sandbox/inquiries/" + inquiry + "/expire")
                .then()
                .statusCode(200)
                .body("status", equalTo("expired"));
        String token = resume(key, inquiry).path("meta.session-token");
        given().auth().oauth2(key).get(API + "/" + inquiry).then().body("data.attributes.status", equalTo("pending"));
        given().formParam("inquiry-id", inquiry)
                .formParam("session-token", token)
                .post("/persona/verify/complete")
                .then()
                .statusCode(200);
        given().auth().oauth2(key).post(API + "/" + inquiry + "/resume").then().statusCode(409);
    }

    @Test
    void approveAndDeclineFollowTheLifecycle() {
        String key = register(null, "none", false, 0);
        String inquiry = newInquiry(key);
        given().auth()
                .oauth2(key)
                .post(API + "/" + inquiry + "/approve")
                .then()
                .statusCode(422)
                .body("errors[0].title", equalTo("Invalid action"));
        String token = resume(key, inquiry).path("meta.session-token");
        given().queryParam("inquiry-id", inquiry)
                .queryParam("session-token", token)
                .get("/persona/verify");
        given().formParam("inquiry-id", inquiry)
                .formParam("session-token", token)
                .post("/persona/verify/complete");
        given().auth()
                .oauth2(key)
                .post(API + "/" + inquiry + "/approve")
                .then()
                .statusCode(200)
                .body("data.attributes.status", equalTo("approved"));
        // A reviewer withdraws the approval; a declined inquiry then stays declined.
        given().auth()
                .oauth2(key)
                .post(API + "/" + inquiry + "/decline")
                .then()
                .statusCode(200)
                .body("data.attributes.status", equalTo("declined"));
        given().auth().oauth2(key).post(API + "/" + inquiry + "/approve").then().statusCode(422);
        given().auth().oauth2(key).post(API + "/" + inquiry + "/decline").then().statusCode(422);
    }

    @Test
    void aFailedVerificationAnnouncesFailedAndTheTransitionToItsScreen() throws Exception {
        String key = register(receiverUrl(), "none", false, 0);
        String inquiry = newInquiry(key);
        actOnHostedFlow(key, inquiry, "fail");

        // Each step's events are sent in order, but the steps are delivered concurrently: compare as a set.
        Set<String> failedStep = Set.of("inquiry.failed/failed", "inquiry.transitioned/failed");
        List<JsonNode> events = awaitEvents(inquiry, list -> list.stream()
                .map(PersonaTenants::nameAndStatus)
                .toList()
                .containsAll(failedStep));
        assertThat(events)
                .extracting(PersonaTenants::nameAndStatus)
                .containsExactlyInAnyOrder(
                        "inquiry.created/created",
                        "inquiry.started/pending",
                        "inquiry.transitioned/pending",
                        "inquiry.failed/failed",
                        "inquiry.transitioned/failed");
    }

    @Test
    void leavingTheHostedPageKeepsTheInquiryPendingAndTheSameLinkWorksAgain() {
        String key = register(null, "none", false, 0);
        String inquiry = newInquiry(key);
        String token = resume(key, inquiry).path("meta.session-token");
        given().queryParam("inquiry-id", inquiry)
                .queryParam("session-token", token)
                .get("/persona/verify")
                .then()
                .statusCode(200);
        given().formParam("inquiry-id", inquiry)
                .formParam("session-token", token)
                .post("/persona/verify/abandon")
                .then()
                .statusCode(200);
        given().auth().oauth2(key).get(API + "/" + inquiry).then().body("data.attributes.status", equalTo("pending"));
        given().queryParam("inquiry-id", inquiry)
                .queryParam("session-token", token)
                .get("/persona/verify")
                .then()
                .statusCode(200);
    }

    @Test
    void theExpiryScenarioExpiresAnInquiryNobodyFinishes() throws Exception {
        String key = "key_" + UUID.randomUUID().toString().replace("-", "");
        given().body("{\"api_key\":\"" + key + "\",\"webhook_url\":\"" + receiverUrl() + "\",\"webhook_secret\":"
                        + "\"wbhsec_" + key + "\",\"scenario\":{\"decision\":\"none\",\"expire_after_ms\":300}}")
                .post("/persona/_sandbox/organizations")
                .then()
                .statusCode(201);
        String inquiry = newInquiry(key);

        List<JsonNode> events = awaitEvents(inquiry, list -> list.size() == 2);
        assertThat(events)
                .extracting(PersonaTenants::nameAndStatus)
                .containsExactlyInAnyOrder("inquiry.created/created", "inquiry.expired/expired");
        given().auth().oauth2(key).get(API + "/" + inquiry).then().body("data.attributes.status", equalTo("expired"));
    }

    @Test
    void anotherKeysInquiryDoesNotExist() {
        String inquiry = newInquiry(register(null, "none", false, 0));
        given().auth()
                .oauth2(register(null, "none", false, 0))
                .get(API + "/" + inquiry)
                .then()
                .statusCode(404)
                .body("errors[0].title", equalTo("Record not found"));
    }

    @Test
    void scriptedFailuresAnswer5xxThenRecover() {
        String key = register(null, "none", false, 0);
        given().body("{\"api_key\":\"" + key + "\",\"fail_next\":2,\"status\":503}")
                .post("/persona/_sandbox/faults")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(key)
                .header("Idempotency-Key", "k")
                .body(create("itmpl_a", "r"))
                .post(API)
                .then()
                .statusCode(503);
        given().auth()
                .oauth2(key)
                .header("Idempotency-Key", "k")
                .body(create("itmpl_a", "r"))
                .post(API)
                .then()
                .statusCode(503);
        given().auth()
                .oauth2(key)
                .header("Idempotency-Key", "k")
                .body(create("itmpl_a", "r"))
                .post(API)
                .then()
                .statusCode(201);
    }
}
