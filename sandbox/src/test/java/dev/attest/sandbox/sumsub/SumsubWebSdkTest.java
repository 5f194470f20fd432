package dev.attest.sandbox.sumsub;

import static dev.attest.sandbox.sumsub.SumsubTestClient.LEVEL;
import static dev.attest.sandbox.sumsub.SumsubTestClient.accessToken;
import static dev.attest.sandbox.sumsub.SumsubTestClient.call;
import static dev.attest.sandbox.sumsub.SumsubTestClient.callAtOrigin;
import static dev.attest.sandbox.sumsub.SumsubTestClient.createApplicant;
import static dev.attest.sandbox.sumsub.SumsubTestClient.register;
import static dev.attest.sandbox.sumsub.SumsubTestClient.review;
import static dev.attest.sandbox.sumsub.SumsubTestClient.webhookTypes;
import static dev.attest.sandbox.sumsub.SumsubTestClient.webhooks;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.sandbox.ProviderOrigins;
import dev.attest.sandbox.sumsub.SumsubTestClient.App;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Sumsub port (the API and the WebSDK frame at its root), the WebSDK flow's calls with their token check,
 * WebSDK links, lookup by externalUserId, company applicants, holds and resets.
 */
@QuarkusTest
class SumsubWebSdkTest {
    @Inject
    ProviderOrigins origins;

    private int sumsubPort() {
        return origins.sumsubPort().orElseThrow();
    }

    /** The WebSDK frame's calls, with the access token as the page sends it, on the Sumsub port. */
    private RequestSpecification frame(String token) {
        return given().port(sumsubPort()).header("X-Access-Token", token);
    }

    private ValidatableResponse uploadStep(String token, String step, String query, byte[] file) {
        return frame(token)
                .contentType("application/octet-stream")
                .body(file)
                .post("/websdk/api/steps/" + step + query)
                .then();
    }

    @Test
    void sumsubIsServedAtTheRootOfItsPortWithTheWebSdkFrameAndStillUnderSumsubOnTheMainPort() {
        assertThat(sumsubPort())
                .isNotEqualTo(io.restassured.RestAssured.port)
                .isNotEqualTo(origins.personaPort().orElseThrow())
                .isNotEqualTo(origins.dfnsPort().orElseThrow());
        App app = register(null, "HMAC_SHA256_HEX");
        String id = callAtOrigin(
                        sumsubPort(),
                        app,
                        "POST",
                        "/resources/applicants?levelName=" + LEVEL,
                        "{\"externalUserId\":\"at-origin\"}")
                .statusCode(200)
                .extract()
                .path("id");
        callAtOrigin(sumsubPort(), app, "GET", "/resources/applicants/" + id + "/one", null)
                .statusCode(200)
                .body("externalUserId", equalTo("at-origin"));
        call(app, "GET", "/resources/applicants/" + id + "/one", null).statusCode(200);
        // Real Sumsub has no /sumsub path.
        given().port(sumsubPort()).get("/sumsub/websdk/websdk.html").then().statusCode(404);

        given().port(sumsubPort())
                .get("/websdk/websdk.html?_=id_abc")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .body(containsString("idCheck.onReady"));
        given().get("/sumsub/websdk/websdk.html").then().statusCode(200);
    }

    @Test
    void anAccessTokenPointsTheSdkAtTheSumsubPortAndAnUnknownOneIsRefused() {
        App app = register(null, "HMAC_SHA256_HEX");
        String token = accessToken(app, "user-" + UUID.randomUUID());
        String payload = token.substring("_act-sbx-jwt-".length()).split("\\.")[1];
        assertThat(new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8))
                .contains("\"url\":\"http://localhost:" + sumsubPort() + "\"");

        frame("_act-sbx-jwt-unknown")
                .post("/websdk/api/init")
                .then()
                .statusCode(401)
                .body("code", equalTo(401))
                .body("description", equalTo("Access token is not valid"))
                .body("correlationId", startsWith("req-"));
        given().port(sumsubPort()).post("/websdk/api/init").then().statusCode(401);
        frame(token + "x").get("/websdk/api/status").then().statusCode(401);
    }

    @Test
    void theFlowCreatesTheApplicantTakesEachStepsDocumentAndSubmitsItToPending() {
        App app = register("", "HMAC_SHA256_HEX");
        String userId = "user-" + UUID.randomUUID();
        String token = accessToken(app, userId);

        String applicantId = frame(token)
                .post("/websdk/api/init")
                .then()
                .statusCode(200)
                .body("levelName", equalTo(LEVEL))
                .body("type", equalTo("individual"))
                .body("steps.idDocSetType", equalTo(List.of("IDENTITY", "SELFIE")))
                .body("steps[0].types", equalTo(List.of("ID_CARD", "PASSPORT", "DRIVERS", "RESIDENCE_PERMIT")))
                .body("steps.completed", equalTo(List.of(false, false)))
                .body("status.reviewStatus", equalTo("init"))
                .body("status.levelName", equalTo(LEVEL))
                .extract()
                .path("applicantId");
        // Opening the flow again finds the same applicant.
        frame(token).post("/websdk/api/init").then().body("applicantId", equalTo(applicantId));
        call(app, "GET", "/resources/applicants/" + applicantId + "/one", null).body("externalUserId", equalTo(userId));

        frame(token)
                .post("/websdk/api/submit")
                .then()
                .statusCode(400)
                .body("description", equalTo("Required documents are missing: IDENTITY, SELFIE"));
        byte[] fake = "not really a passport".getBytes(StandardCharsets.UTF_8);
        uploadStep(token, "IDENTITY", "?idDocType=SELFIE&country=GBR", fake).statusCode(400);
        uploadStep(token, "IDENTITY", "?idDocType=PASSPORT&country=gb", fake).statusCode(400);
        uploadStep(token, "IDENTITY", "?idDocType=PASSPORT&country=GBR", new byte[0])
                .statusCode(400)
                .body("description", equalTo("The file is empty"));
        uploadStep(token, "COMPANY", "?idDocType=COMPANY_DOC", fake).statusCode(400);
        int imageId = uploadStep(token, "IDENTITY", "?idDocType=PASSPORT&country=GBR", fake)
                .statusCode(200)
                .body("idDocSetType", equalTo("IDENTITY"))
                .body("idDocType", equalTo("PASSPORT"))
                .body("country", equalTo("GBR"))
                .extract()
                .path("imageId");
        uploadStep(token, "SELFIE", "?idDocType=SELFIE", fake).statusCode(200);
        frame(token).post("/websdk/api/init").then().body("steps.completed", equalTo(List.of(true, true)));
        call(app, "GET", "/resources/applicants/" + applicantId + "/requiredIdDocsStatus", null)
                .statusCode(200)
                .body("IDENTITY.idDocType", equalTo("PASSPORT"))
                .body("IDENTITY.imageIds", equalTo(List.of(imageId)))
                .body("IDENTITY.reviewResult", nullValue());

        frame(token)
                .post("/websdk/api/submit")
                .then()
                .statusCode(200)
                .body("reviewStatus", equalTo("pending"))
                .body("levelName", equalTo(LEVEL))
                .body("reprocessing", equalTo(false));
        frame(token).get("/websdk/api/status").then().body("reviewStatus", equalTo("pending"));
        call(app, "GET", "/resources/applicants/" + applicantId + "/status", null)
                .body("reviewStatus", equalTo("pending"))
                .body("attemptCnt", equalTo(1));
        uploadStep(token, "SELFIE", "?idDocType=SELFIE", fake).statusCode(409);
        assertThat(webhookTypes(app, applicantId, 2)).containsExactly("applicantCreated", "applicantPending");

        review(applicantId, "{\"answer\":\"GREEN\"}");
        frame(token)
                .get("/websdk/api/status")
                .then()
                .body("reviewStatus", equalTo("completed"))
                .body("reviewResult.reviewAnswer", equalTo("GREEN"));
    }

    @Test
    void aWebSdkLinkOpensTheHostedFlowForItsApplicantAtTheSumsubPort() {
        App app = register(null, "HMAC_SHA256_HEX");
        String userId = "user-" + UUID.randomUUID();
        String url = call(
                        app,
                        "POST",
                        "/resources/sdkIntegrations/levels/-/websdkLink",
                        "{\"levelName\":\"" + LEVEL + "\",\"userId\":\"" + userId + "\",\"ttlInSecs\":1800}")
                .statusCode(200)
                .body("url", matchesPattern("http://localhost:" + sumsubPort() + "/websdk/p/sbx_[0-9a-f]{32}"))
                .extract()
                .path("url");
        String page = given().urlEncodingEnabled(false)
                .get(url)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .extract()
                .asString();
        String token = page.replaceAll("(?s).*\"accessToken\":\"([^\"]+)\".*", "$1");
        assertThat(token).startsWith("_act-sbx-jwt-");
        frame(token).post("/websdk/api/init").then().statusCode(200).body("levelName", equalTo(LEVEL));
        call(app, "GET", "/resources/applicants/-;externalUserId=" + userId + "/one", null)
                .statusCode(200)
                .body("externalUserId", equalTo(userId));

        // The older form: the level in the path, the user and the lifetime in the query.
        call(
                        app,
                        "POST",
                        "/resources/sdkIntegrations/levels/" + LEVEL + "/websdkLink?externalUserId=" + userId
                                + "&ttlInSecs=600",
                        null)
                .statusCode(200)
                .body("url", startsWith("http://localhost:" + sumsubPort() + "/websdk/p/sbx_"));
        call(app, "POST", "/resources/sdkIntegrations/levels/-/websdkLink", "{\"levelName\":\"" + LEVEL + "\"}")
                .statusCode(400);
        call(
                        app,
                        "POST",
                        "/resources/sdkIntegrations/levels/-/websdkLink",
                        "{\"levelName\":\"" + LEVEL + "\",\"userId\":\"u\",\"ttlInSecs\":0}")
                .statusCode(400)
                .body("description", equalTo("ttlInSecs must be a positive number of seconds"));
        given().port(sumsubPort())
                .get("/websdk/p/sbx_unknown")
                .then()
                .statusCode(404)
                .body(containsString("This verification link is not valid."));
    }

    @Test
    void anApplicantIsFoundByItsExternalUserIdOrNot() {
        App app = register(null, "HMAC_SHA256_HEX");
        String userId = "user-" + UUID.randomUUID();
        String id = createApplicant(app, userId);
        call(app, "GET", "/resources/applicants/-;externalUserId=" + userId + "/one", null)
                .statusCode(200)
                .body("id", equalTo(id));
        callAtOrigin(sumsubPort(), app, "GET", "/resources/applicants/-;externalUserId=" + userId + "/one", null)
                .statusCode(200)
                .body("id", equalTo(id));
        call(app, "GET", "/resources/applicants/-;externalUserId=nobody/one", null)
                .statusCode(404)
                .body("code", equalTo(404))
                .body("description", equalTo("Applicant with external user id 'nobody' not found"));
        // Another app's applicant does not exist for this one.
        call(
                        register(null, "HMAC_SHA256_HEX"),
                        "GET",
                        "/resources/applicants/-;externalUserId=" + userId + "/one",
                        null)
                .statusCode(404);
    }

    @Test
    void aCompanyApplicantKeepsItsCompanyInfoAndItsFlowAsksForTheCompanyDocument() {
        App app = register("", "HMAC_SHA256_HEX");
        String userId = "org-" + UUID.randomUUID();
        String body = "{\"externalUserId\":\"" + userId + "\",\"type\":\"company\",\"fixedInfo\":{\"companyInfo\":"
                + "{\"companyName\":\"Acme Ltd\",\"registrationNumber\":\"01234567\",\"country\":\"GBR\"}}}";
        String id = call(app, "POST", "/resources/applicants?levelName=kyb-level", body)
                .statusCode(200)
                .body("type", equalTo("company"))
                .body("fixedInfo.companyInfo.companyName", equalTo("Acme Ltd"))
                .body("info.companyInfo.registrationNumber", equalTo("01234567"))
                .extract()
                .path("id");
        call(app, "POST", "/resources/applicants?levelName=kyb-level", "{\"externalUserId\":\"x\",\"type\":\"trust\"}")
                .statusCode(400)
                .body("description", equalTo("type must be individual or company, not trust"));
        call(app, "GET", "/resources/applicants/" + id + "/requiredIdDocsStatus", null)
                .statusCode(200)
                .body("COMPANY", nullValue())
                .body("IDENTITY", nullValue());

        String token = call(
                        app,
                        "POST",
                        "/resources/accessTokens/sdk",
                        "{\"userId\":\"" + userId + "\",\"levelName\":\"kyb-level\",\"ttlInSecs\":300}")
                .statusCode(200)
                .extract()
                .path("token");
        frame(token)
                .post("/websdk/api/init")
                .then()
                .statusCode(200)
                .body("applicantId", equalTo(id))
                .body("type", equalTo("company"))
                .body("steps.idDocSetType", equalTo(List.of("COMPANY")));
        uploadStep(token, "COMPANY", "?idDocType=COMPANY_DOC&country=GBR", new byte[] {1})
                .statusCode(200);
        frame(token).post("/websdk/api/submit").then().statusCode(200).body("reviewStatus", equalTo("pending"));
        List<JsonNode> events = webhooks(app, id, SumsubSignatures.DigestAlg.HMAC_SHA256_HEX, 2);
        assertThat(events).extracting(e -> e.path("applicantType").asText()).containsOnly("company");

        // The WebSDK creates the applicant of a KYB level as a company.
        String newcomer = call(
                        app,
                        "POST",
                        "/resources/accessTokens/sdk",
                        "{\"userId\":\"org-" + UUID.randomUUID() + "\",\"levelName\":\"basic-kyb-level\"}")
                .statusCode(200)
                .extract()
                .path("token");
        frame(newcomer)
                .post("/websdk/api/init")
                .then()
                .statusCode(200)
                .body("type", equalTo("company"))
                .body("steps.idDocSetType", equalTo(List.of("COMPANY")));
    }

    @Test
    void aHoldSendsApplicantOnHoldAndAResetTakesTheApplicantBackToInit() {
        App app = register("", "HMAC_SHA256_HEX");
        String id = createApplicant(app, "user-" + UUID.randomUUID());
        given().body("{\"answer\":\"ON_HOLD\",\"reject_type\":\"FINAL\"}")
                .post("/sumsub/_sandbox/applicants/" + id + "/review")
                .then()
                .statusCode(400);
        review(id, "{\"answer\":\"ON_HOLD\"}");
        call(app, "GET", "/resources/applicants/" + id + "/status", null)
                .body("reviewStatus", equalTo("onHold"))
                .body("reviewResult", nullValue());
        List<JsonNode> events = webhooks(app, id, SumsubSignatures.DigestAlg.HMAC_SHA256_HEX, 3);
        assertThat(events)
                .extracting(e ->
                        e.path("type").asText() + ":" + e.path("reviewStatus").asText())
                .containsExactly("applicantCreated:init", "applicantPending:pending", "applicantOnHold:onHold");

        review(id, "{\"answer\":\"GREEN\"}");
        call(app, "POST", "/resources/applicants/" + id + "/reset", null)
                .statusCode(200)
                .body("ok", equalTo(1));
        call(app, "GET", "/resources/applicants/" + id + "/status", null)
                .body("reviewStatus", equalTo("init"))
                .body("reviewResult", nullValue());
        call(app, "GET", "/resources/applicants/" + id + "/requiredIdDocsStatus", null)
                .body("IDENTITY", nullValue())
                .body("SELFIE", nullValue());
        assertThat(webhookTypes(app, id, 5)).endsWith("applicantReviewed", "applicantReset");
        call(register(null, "HMAC_SHA256_HEX"), "POST", "/resources/applicants/" + id + "/reset", null)
                .statusCode(404);
    }
}
