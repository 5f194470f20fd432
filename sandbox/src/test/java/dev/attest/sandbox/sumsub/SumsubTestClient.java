package dev.attest.sandbox.sumsub;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The Sumsub tests' client: an app of their own, requests signed as Sumsub's clients sign them, webhooks received. */
final class SumsubTestClient {
    static final String LEVEL = "basic-kyc-level";

    /** An app of its own per test, so that tests share no applicants or webhooks. */
    record App(String token, String secret, String webhookSecret) {}

    private SumsubTestClient() {}

    /** Registers an app whose webhooks go to {@code SumsubReceiver} at {@code receiverPath} (null: recorded only). */
    static App register(String receiverPath, String alg) {
        String id = UUID.randomUUID().toString().replace("-", "");
        App app = new App("sbx:" + id, "secret_" + id, "whsec_" + id);
        String url = receiverPath == null
                ? "null"
                : "\"http://localhost:" + RestAssured.port + "/test/sumsub-receiver" + receiverPath + "\"";
        given().body("{\"app_token\":\"" + app.token + "\",\"secret_key\":\"" + app.secret + "\",\"webhook_secret\":\""
                        + app.webhookSecret + "\",\"webhook_url\":" + url + ",\"digest_alg\":\"" + alg + "\"}")
                .post("/sumsub/_sandbox/apps")
                .then()
                .statusCode(201);
        return app;
    }

    /** A request signed over the path at Sumsub's origin, sent to {@code /sumsub} of the main port. */
    static ValidatableResponse call(App app, String method, String pathAtOrigin, String body, long ts) {
        return signed(given(), app, method, pathAtOrigin, body, ts)
                .request(method, "/sumsub" + pathAtOrigin)
                .then();
    }

    static ValidatableResponse call(App app, String method, String pathAtOrigin, String body) {
        return call(app, method, pathAtOrigin, body, Instant.now().getEpochSecond());
    }

    /** The same request sent to the root of another port (the Sumsub port), as a client with that base URL sends it. */
    static ValidatableResponse callAtOrigin(int port, App app, String method, String pathAtOrigin, String body) {
        return signed(
                        given().port(port),
                        app,
                        method,
                        pathAtOrigin,
                        body,
                        Instant.now().getEpochSecond())
                .request(method, pathAtOrigin)
                .then();
    }

    private static RequestSpecification signed(
            RequestSpecification request, App app, String method, String pathAtOrigin, String body, long ts) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String tsText = Long.toString(ts);
        request = request.urlEncodingEnabled(false)
                .header("X-App-Token", app.token)
                .header("X-App-Access-Ts", tsText)
                .header(
                        "X-App-Access-Sig",
                        SumsubSignatures.requestSignature(app.secret, tsText, method, pathAtOrigin, bytes));
        return body == null ? request : request.contentType("application/json").body(bytes);
    }

    static String createApplicant(App app, String externalUserId) {
        return call(app, "POST", "/resources/applicants?levelName=" + LEVEL, externalUser(externalUserId))
                .statusCode(200)
                .extract()
                .path("id");
    }

    static String externalUser(String externalUserId) {
        return "{\"externalUserId\":\"" + externalUserId + "\"}";
    }

    /** A WebSDK access token for the applicant of {@code userId} at {@link #LEVEL}. */
    static String accessToken(App app, String userId) {
        return call(
                        app,
                        "POST",
                        "/resources/accessTokens/sdk",
                        "{\"userId\":\"" + userId + "\",\"levelName\":\"" + LEVEL + "\"}")
                .statusCode(200)
                .extract()
                .path("token");
    }

    static void review(String applicantId, String body) {
        given().body(body)
                .post("/sumsub/_sandbox/applicants/" + applicantId + "/review")
                .then()
                .statusCode(200);
    }

    /** The webhooks received for the applicant, their digests checked, once {@code count} have arrived. */
    static List<JsonNode> webhooks(App app, String applicantId, SumsubSignatures.DigestAlg alg, int count) {
        List<SumsubReceiver.Received> received = waitFor(count + " webhooks of " + applicantId)
                .until(
                        () -> SumsubReceiver.RECEIVED.stream()
                                .filter(r -> r.text().contains(applicantId))
                                .toList(),
                        list -> list.size() >= count);
        return received.stream()
                .map(r -> {
                    assertThat(r.alg()).isEqualTo(alg.name());
                    assertThat(r.digest()).isEqualTo(SumsubSignatures.payloadDigest(alg, app.webhookSecret, r.body()));
                    try {
                        return SumsubError.JSON.readTree(r.body());
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
    }

    /** The types of the applicant's webhooks, in the order they arrived, once {@code count} have. */
    static List<String> webhookTypes(App app, String applicantId, int count) {
        return webhooks(app, applicantId, SumsubSignatures.DigestAlg.HMAC_SHA256_HEX, count).stream()
                .map(event -> event.path("type").asText())
                .toList();
    }
}
