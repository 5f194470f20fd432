package dev.attest.compliance.rest;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.attest.compliance.support.DemoOrg;
import dev.attest.compliance.support.PersonaSigner;
import dev.attest.compliance.support.TestOrg;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The webhook receiver's guarantees, for the default organization (configured by slug, secret
 * {@code wbhsec_sandbox}).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class PersonaWebhookTest {
    private static final String DEFAULT_SECRET = "wbhsec_sandbox";
    private static final String ENDPOINT = "/webhooks/persona/inquiry";

    @Inject
    AgroalDataSource dataSource;

    @org.junit.jupiter.api.BeforeEach
    void theDefaultOrganizationIsKnown() {
        DemoOrg.ensure();
    }

    @Test
    void unsignedForgedTamperedOrStaleWebhooksAreRefusedWith401AndStoreNothing() throws Exception {
        String eventId = newEventId();
        byte[] body = event(eventId, "inq_unknown", "completed");
        long now = Instant.now().getEpochSecond();

        post(null, body)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://attest.dev/problems/invalid-webhook-signature"));
        post(PersonaSigner.header("wbhsec_wrong", now, body), body).then().statusCode(401);
        post(PersonaSigner.header(DEFAULT_SECRET, now - 301, body), body)
                .then()
                .statusCode(401)
                .body("detail", equalTo("the signature's timestamp is outside the allowed window."));
        byte[] tampered = event(eventId, "inq_unknown", "approved");
        post(PersonaSigner.header(DEFAULT_SECRET, now, body), tampered).then().statusCode(401);
        post("t=" + now + ",v1=" + "00".repeat(32), body).then().statusCode(401);

        assertThat(storedRows(eventId)).isZero();
    }

    @Test
    void malformedJsonIs400AndAnOversizedBodyIs413AndNeitherIsStored() throws Exception {
        byte[] broken = "{\"data\":{\"type\":\"event\",".getBytes(StandardCharsets.UTF_8);
        post(signed(broken), broken)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://attest.dev/problems/malformed-webhook"));
        byte[] notAnEvent = "{\"data\":{\"type\":\"inquiry\",\"id\":\"inq_1\"}}".getBytes(StandardCharsets.UTF_8);
        post(signed(notAnEvent), notAnEvent).then().statusCode(400);
        String eventId = newEventId();
        byte[] noCreatedAt = ("{\"data\":{\"type\":\"event\",\"id\":\"" + eventId
                        + "\",\"attributes\":{\"name\":\"inquiry.completed\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        post(signed(noCreatedAt), noCreatedAt).then().statusCode(400);

        String bigId = newEventId();
        String padding = "x".repeat(300 * 1024);
        byte[] big = new String(event(bigId, "inq_big", "completed"), StandardCharsets.UTF_8)
                .replace("\"status\"", "\"padding\":\"" + padding + "\",\"status\"")
                .getBytes(StandardCharsets.UTF_8);
        post(signed(big), big).then().statusCode(413).contentType("application/problem+json");

        assertThat(storedRows(eventId) + storedRows(bigId)).isZero();
    }

    @Test
    void aDuplicateIsAcknowledgedAndChangesNothingAndAnUnknownInquiryIsKeptAside() throws Exception {
        String eventId = newEventId();
        byte[] body = event(eventId, "inq_" + UUID.randomUUID().toString().replace("-", ""), "completed");

        post(signed(body), body).then().statusCode(200).body("status", equalTo("accepted"));
        post(signed(body), body).then().statusCode(200).body("status", equalTo("duplicate"));

        assertThat(storedRows(eventId)).isEqualTo(1);
        String state = waitFor("the webhook unmatched").until(() -> stateOf(eventId), "unmatched"::equals);
        assertThat(state).isEqualTo("unmatched");
    }

    @Test
    void concurrentDeliveriesAreEachStoredOnceAndEveryDuplicateIsAcknowledgedAsOne() throws Exception {
        // Deliveries that arrive together are written together: one event delivered many times at once, among
        // other events, must still be one row with one "accepted", whichever batch each delivery lands in.
        String repeatedId = newEventId();
        byte[] repeated =
                event(repeatedId, "inq_" + UUID.randomUUID().toString().replace("-", ""), "completed");
        java.util.List<String> othersIds = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> newEventId())
                .toList();
        java.util.List<byte[]> bodies = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            bodies.add(repeated);
            bodies.add(event(
                    othersIds.get(i), "inq_" + UUID.randomUUID().toString().replace("-", ""), "completed"));
        }
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(16);
        java.util.List<String> statuses;
        try {
            java.util.List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (byte[] body : bodies) {
                answers.add(senders.submit(() -> post(signed(body), body)
                        .then()
                        .statusCode(200)
                        .extract()
                        .<String>path("status")));
            }
            statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            senders.shutdownNow();
        }

        java.util.List<String> ofRepeated = new java.util.ArrayList<>();
        java.util.List<String> ofOthers = new java.util.ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            (bodies.get(i) == repeated ? ofRepeated : ofOthers).add(statuses.get(i));
        }
        assertThat(ofRepeated).containsOnlyOnce("accepted").containsOnly("accepted", "duplicate");
        assertThat(ofOthers).hasSize(30).containsOnly("accepted");
        assertThat(storedRows(repeatedId)).isEqualTo(1);
        for (String id : othersIds) {
            assertThat(storedRows(id)).as(id).isEqualTo(1);
        }
    }

    @Test
    void anOrganizationWithoutWebhookSecretsAcceptsNothing() throws Exception {
        String eventId = newEventId();
        byte[] body = event(eventId, "inq_x", "completed");
        given().header("Persona-Signature", signed(body))
                .contentType("application/json")
                .body(body)
                .post("/webhooks/persona/org-" + UUID.randomUUID())
                .then()
                .statusCode(401);
        assertThat(storedRows(eventId)).isZero();
    }

    @Test
    void eitherOfTwoSecretsVerifiesDuringARotation() {
        TestOrg org = TestOrg.create("none");
        org.admin()
                .body(java.util.Map.of("webhook_secrets", java.util.List.of("wbhsec_next_secret", org.webhookSecret())))
                .put("/orgs/" + org.id() + "/integrations/persona")
                .then()
                .statusCode(200)
                .body("webhook_secrets.size()", equalTo(2));
        long now = Instant.now().getEpochSecond();
        for (String secret : new String[] {"wbhsec_next_secret", org.webhookSecret()}) {
            byte[] body = event(newEventId(), "inq_rotation", "completed");
            given().header("Persona-Signature", PersonaSigner.header(secret, now, body))
                    .contentType("application/json")
                    .body(body)
                    .post("/webhooks/persona/" + org.id())
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void anOrganizationsWebhookCannotTouchAnotherOrganizationsCase() {
        TestOrg victim = TestOrg.create("none");
        TestOrg attacker = TestOrg.create("none");
        String user = "user-" + UUID.randomUUID();
        io.restassured.path.json.JsonPath started =
                KycFlowTest.start(victim, user).then().statusCode(200).extract().jsonPath();
        String eventId = newEventId();
        byte[] body = event(eventId, started.getString("persona_inquiry_id"), "approved");

        given().header(
                        "Persona-Signature",
                        PersonaSigner.header(
                                attacker.webhookSecret(), Instant.now().getEpochSecond(), body))
                .contentType("application/json")
                .body(body)
                .post("/webhooks/persona/" + attacker.id())
                .then()
                .statusCode(200);
        given().header(
                        "Persona-Signature",
                        PersonaSigner.header(
                                attacker.webhookSecret(), Instant.now().getEpochSecond(), body))
                .contentType("application/json")
                .body(body)
                .post("/webhooks/persona/" + victim.id())
                .then()
                .statusCode(401);

        assertThat(waitFor("the webhook unmatched").until(() -> stateOf(eventId), "unmatched"::equals))
                .isEqualTo("unmatched");
        victim.admin()
                .get("/compliance/kyc/" + started.getString("case_id"))
                .then()
                .statusCode(200)
                .body("status", equalTo("pending"));
    }

    @Test
    void aSignedEventDatedFarInTheFutureIsRefusedAndCannotFreezeItsCase() throws Exception {
        TestOrg org = TestOrg.create("auto-approve");
        String user = "user-" + UUID.randomUUID();
        io.restassured.path.json.JsonPath started =
                KycFlowTest.start(org, user).then().statusCode(200).extract().jsonPath();
        String caseId = started.getString("case_id");
        String inquiry = started.getString("persona_inquiry_id");

        // Validly signed, dated a day ahead: applied, every real event after it would look stale.
        String future = newEventId();
        postSigned(org, eventAt(future, inquiry, "declined", Instant.now().plus(java.time.Duration.ofDays(1))))
                .then()
                .statusCode(200)
                .body("status", equalTo("refused"));
        // A minute ahead is within the tolerance (clocks differ a little): accepted (for an inquiry of no case).
        String nearFuture = newEventId();
        postSigned(
                        org,
                        eventAt(
                                nearFuture,
                                "inq_unknown_near",
                                "created",
                                Instant.now().plusSeconds(60)))
                .then()
                .statusCode(200)
                .body("status", equalTo("accepted"));

        assertThat(storedRows(future)).isZero();
        assertThat(refusalReasons(org)).containsExactly("future-created-at");
        KycFlowTest.completeOnSandboxPage(inquiry, started.getString("persona_session_token"));
        KycFlowTest.awaitStatus(org, user, caseId, "verified");
    }

    @Test
    void aSignedEventWithTextTheDatabaseCannotStoreIsAcknowledgedAndRecordedAsRefused() {
        TestOrg org = TestOrg.create("none");
        // The JSON escape for U+0000 is a NUL in the event id once parsed: PostgreSQL text cannot hold it.
        String nulInId = "evt_nul\\u0000" + UUID.randomUUID().toString().replace("-", "");
        postSigned(org, event(nulInId, "inq_nul", "completed"))
                .then()
                .statusCode(200)
                .body("status", equalTo("refused"));
        postSigned(org, event(newEventId(), "inq_nul\\u0000x", "completed"))
                .then()
                .statusCode(200)
                .body("status", equalTo("refused"));
        String longId = "evt_" + "x".repeat(100_000);
        postSigned(org, event(longId, "inq_long", "completed"))
                .then()
                .statusCode(200)
                .body("status", equalTo("refused"));

        assertThat(new TestDatabase(dataSource)
                        .count("select count(*) from persona_webhook where org_id = ?", org.id()))
                .isZero();
        assertThat(refusalReasons(org)).containsExactly("unstorable", "unstorable", "unstorable");
    }

    @Test
    void aPathNamingNoPossibleOrganizationIsRefusedWithProblemJsonNever500() throws Exception {
        String eventId = newEventId();
        byte[] body = event(eventId, "inq_x", "completed");
        long before =
                new TestDatabase(dataSource).count("select count(*) from persona_webhook_refusal where org_id is null");
        // A NUL in the path: refused as text no service can store (common's filter), before anything is looked up.
        given().urlEncodingEnabled(false)
                .header("Persona-Signature", signed(body))
                .contentType("application/json")
                .body(body)
                .post("/webhooks/persona/org%00nul")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        // A name no organization can have: not looked up, refused as unsigned, kept for platform admins.
        given().header("Persona-Signature", signed(body))
                .contentType("application/json")
                .body(body)
                .post("/webhooks/persona/" + "o".repeat(1_000))
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        assertThat(new TestDatabase(dataSource)
                        .count("select count(*) from persona_webhook_refusal where org_id is null"))
                .isEqualTo(before + 1);
        assertThat(storedRows(eventId)).isZero();
    }

    @Test
    void healthAnswersWithoutAuthentication() {
        given().get("/webhooks/persona/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static io.restassured.response.Response post(String signature, byte[] body) {
        var request = given().contentType("application/json").body(body);
        if (signature != null) {
            request.header("Persona-Signature", signature);
        }
        return request.post(ENDPOINT);
    }

    private static io.restassured.response.Response postSigned(TestOrg org, byte[] body) {
        return given().header(
                        "Persona-Signature",
                        PersonaSigner.header(org.webhookSecret(), Instant.now().getEpochSecond(), body))
                .contentType("application/json")
                .body(body)
                .post("/webhooks/persona/" + org.id());
    }

    private static java.util.List<String> refusalReasons(TestOrg org) {
        return org.admin()
                .get("/orgs/" + org.id() + "/integrations/persona/webhooks/refusals")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.reason", String.class);
    }

    private static String signed(byte[] body) {
        return PersonaSigner.header(DEFAULT_SECRET, Instant.now().getEpochSecond(), body);
    }

    static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    static byte[] event(String eventId, String inquiryId, String status) {
        return eventAt(eventId, inquiryId, status, Instant.now());
    }

    static byte[] eventAt(String eventId, String inquiryId, String status, Instant createdAt) {
        return ("{\"data\":{\"type\":\"event\",\"id\":\"" + eventId + "\",\"attributes\":{\"name\":\"inquiry." + status
                        + "\",\"created-at\":\"" + createdAt
                        + "\",\"payload\":{\"data\":{\"type\":\"inquiry\",\"id\":\""
                        + inquiryId + "\",\"attributes\":{\"status\":\"" + status + "\",\"reference-id\":null}}}}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private long storedRows(String eventId) {
        return new TestDatabase(dataSource).count("select count(*) from persona_webhook where event_id = ?", eventId);
    }

    private String stateOf(String eventId) {
        return (String)
                new TestDatabase(dataSource).scalar("select state from persona_webhook where event_id = ?", eventId);
    }
}
