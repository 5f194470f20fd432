package dev.attest.compliance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        String state = Waiting.until(() -> stateOf(eventId), "unmatched"::equals);
        assertThat(state).isEqualTo("unmatched");
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

        assertThat(Waiting.until(() -> stateOf(eventId), "unmatched"::equals)).isEqualTo("unmatched");
        victim.admin()
                .get("/compliance/kyc/" + started.getString("case_id"))
                .then()
                .statusCode(200)
                .body("status", equalTo("pending"));
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

    private static String signed(byte[] body) {
        return PersonaSigner.header(DEFAULT_SECRET, Instant.now().getEpochSecond(), body);
    }

    static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    static byte[] event(String eventId, String inquiryId, String status) {
        return ("{\"data\":{\"type\":\"event\",\"id\":\"" + eventId + "\",\"attributes\":{\"name\":\"inquiry." + status
                        + "\",\"created-at\":\"" + Instant.now()
                        + "\",\"payload\":{\"data\":{\"type\":\"inquiry\",\"id\":\""
                        + inquiryId + "\",\"attributes\":{\"status\":\"" + status + "\",\"reference-id\":null}}}}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private long storedRows(String eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count =
                        connection.prepareStatement("select count(*) from persona_webhook where event_id = ?")) {
            count.setString(1, eventId);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private String stateOf(String eventId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select state from persona_webhook where event_id = ?")) {
            select.setString(1, eventId);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
