package dev.attest.sandbox.sumsub;

import static dev.attest.sandbox.sumsub.SumsubTestClient.LEVEL;
import static dev.attest.sandbox.sumsub.SumsubTestClient.call;
import static dev.attest.sandbox.sumsub.SumsubTestClient.createApplicant;
import static dev.attest.sandbox.sumsub.SumsubTestClient.externalUser;
import static dev.attest.sandbox.sumsub.SumsubTestClient.register;
import static dev.attest.sandbox.sumsub.SumsubTestClient.review;
import static dev.attest.sandbox.sumsub.SumsubTestClient.webhooks;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.sandbox.sumsub.SumsubTestClient.App;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SumsubSandboxTest {
    @Test
    void refusesAMissingHeaderAWrongSignatureAStaleTimestampAndAnUnknownTokenAndCreatesNothing() {
        App app = register(null, "HMAC_SHA256_HEX");
        String path = "/resources/applicants?levelName=" + LEVEL;
        given().contentType("application/json")
                .body(externalUser("refused"))
                .header("X-App-Token", app.token())
                .post("/sumsub" + path)
                .then()
                .statusCode(401)
                .body("code", equalTo(401))
                .body("description", startsWith("App token, timestamp and signature are required"))
                .body("correlationId", startsWith("req-"));
        App wrongSecret = new App(app.token(), "not-the-secret", app.webhookSecret());
        call(wrongSecret, "POST", path, externalUser("refused"))
                .statusCode(401)
                .body("description", equalTo("Request signature mismatch"));
        call(app, "POST", path, externalUser("refused"), Instant.now().getEpochSecond() - 3600)
                .statusCode(401)
                .body("description", equalTo("Request timestamp is too far from the current time"));
        App unknown = new App("sbx:unknown", app.secret(), app.webhookSecret());
        call(unknown, "POST", path, externalUser("refused"))
                .statusCode(401)
                .body("description", equalTo("App token is not valid"));
        // None of the refused requests made an applicant: the same externalUserId is still free.
        createApplicant(app, "refused");
    }

    @Test
    void applicantLifecycleIsIdempotentOnExternalUserIdPerLevelAndScopedToItsApp() {
        App app = register(null, "HMAC_SHA256_HEX");
        String id = createApplicant(app, "user-1");
        assertThat(id).matches("[0-9a-f]{24}");
        call(app, "POST", "/resources/applicants?levelName=" + LEVEL, externalUser("user-1"))
                .statusCode(409)
                .body("code", equalTo(409))
                .body("description", equalTo("Applicant with external user id 'user-1' already exists: " + id));
        call(app, "POST", "/resources/applicants?levelName=other-level", externalUser("user-1"))
                .statusCode(200);
        call(app, "POST", "/resources/applicants", externalUser("user-2"))
                .statusCode(400)
                .body("description", equalTo("levelName is required"));
        call(app, "GET", "/resources/applicants/" + id + "/one", null)
                .statusCode(200)
                .body("id", equalTo(id))
                .body("externalUserId", equalTo("user-1"))
                .body("review.levelName", equalTo(LEVEL))
                .body("review.reviewStatus", equalTo("init"));
        call(app, "GET", "/resources/applicants/" + id + "/status", null)
                .statusCode(200)
                .body("reviewStatus", equalTo("init"))
                .body("reviewResult", nullValue());
        call(app, "GET", "/resources/applicants/" + id + "/requiredIdDocsStatus", null)
                .statusCode(200)
                .body("IDENTITY", nullValue());
        call(register(null, "HMAC_SHA256_HEX"), "GET", "/resources/applicants/" + id + "/one", null)
                .statusCode(404);
        call(app, "POST", "/resources/accessTokens/sdk", "{\"userId\":\"user-1\",\"levelName\":\"" + LEVEL + "\"}")
                .statusCode(200)
                .body("userId", equalTo("user-1"))
                .body("token", startsWith("_act-sbx-"));
        call(app, "POST", "/resources/accessTokens?userId=user-1&levelName=" + LEVEL, null)
                .statusCode(200)
                .body("token", startsWith("_act-sbx-"));
        call(app, "POST", "/resources/accessTokens/sdk", "{\"userId\":\"user-1\"}")
                .statusCode(400)
                .body("description", equalTo("userId and levelName are required"));
    }

    @Test
    void scriptedReviewsSendDigestedWebhooksAndALaterRedDowngradesAGreen() {
        App app = register("", "HMAC_SHA512_HEX");
        String id = createApplicant(app, "user-" + UUID.randomUUID());
        given().body("{\"answer\":\"RED\"}")
                .post("/sumsub/_sandbox/applicants/" + id + "/review")
                .then()
                .statusCode(400)
                .body("error", equalTo("a RED answer needs reject_type RETRY or FINAL"));
        given().body("{\"answer\":\"YELLOW\"}")
                .post("/sumsub/_sandbox/applicants/" + id + "/review")
                .then()
                .statusCode(400);
        call(app, "GET", "/resources/applicants/" + id + "/status", null).body("reviewStatus", equalTo("init"));

        review(id, "{\"answer\":\"GREEN\"}");
        List<JsonNode> events = webhooks(app, id, SumsubSignatures.DigestAlg.HMAC_SHA512_HEX, 3);
        assertThat(events)
                .extracting(e -> e.path("type").asText())
                .containsExactly("applicantCreated", "applicantPending", "applicantReviewed");
        assertThat(events.get(2).path("reviewResult").path("reviewAnswer").asText())
                .isEqualTo("GREEN");
        assertThat(events.get(2).path("reviewStatus").asText()).isEqualTo("completed");

        review(id, "{\"answer\":\"RED\",\"reject_type\":\"FINAL\",\"labels\":[\"FORGERY\"]}");
        JsonNode downgrade =
                webhooks(app, id, SumsubSignatures.DigestAlg.HMAC_SHA512_HEX, 4).get(3);
        assertThat(downgrade.path("type").asText()).isEqualTo("applicantReviewed");
        assertThat(downgrade.path("reviewResult").path("reviewAnswer").asText()).isEqualTo("RED");
        assertThat(downgrade.path("reviewResult").path("reviewRejectType").asText())
                .isEqualTo("FINAL");
        assertThat(downgrade.path("reviewResult").path("rejectLabels").get(0).asText())
                .isEqualTo("FORGERY");
        call(app, "GET", "/resources/applicants/" + id + "/status", null)
                .statusCode(200)
                .body("reviewResult.reviewAnswer", equalTo("RED"))
                .body("reviewResult.reviewRejectType", equalTo("FINAL"));
    }

    @Test
    void aFailedDeliveryIsResentOnTheSchedule() {
        App app = register("/flaky", "HMAC_SHA256_HEX");
        String id = createApplicant(app, "user-" + UUID.randomUUID());
        review(id, "{\"answer\":\"RED\",\"reject_type\":\"RETRY\",\"labels\":[\"BAD_PROOF_OF_IDENTITY\"]}");
        List<JsonNode> events = webhooks(app, id, SumsubSignatures.DigestAlg.HMAC_SHA256_HEX, 3);
        // Each webhook failed once and was resent: the review is looked up by type, not by arrival order.
        assertThat(events)
                .filteredOn(e -> e.path("type").asText().equals("applicantReviewed"))
                .singleElement()
                .satisfies(e -> assertThat(
                                e.path("reviewResult").path("reviewRejectType").asText())
                        .isEqualTo("RETRY"));
        List<String> reviewed = given().get("/sumsub/_sandbox/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.applicant_id == '" + id + "' && it.type == 'applicantReviewed' }"
                        + ".collect { it.attempt + ':' + it.status }");
        assertThat(reviewed).containsExactly("1:500", "2:200");
    }
}
