package dev.attest.sandbox.persona;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.sandbox.support.WebhookReceiver;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/** What the Persona sandbox's tests script: organizations, inquiries, sessions, and the webhooks received. */
final class PersonaTenants {
    static final String API = "/persona/api/v1/inquiries";

    private PersonaTenants() {}

    static String register(String webhookUrl, String decision, boolean reverse, int duplicates) {
        String key = "key_" + UUID.randomUUID().toString().replace("-", "");
        String url = webhookUrl == null ? "null" : "\"" + webhookUrl + "\"";
        given().body("{\"api_key\":\"" + key + "\",\"webhook_url\":" + url + ",\"webhook_secret\":\"wbhsec_" + key
                        + "\",\"scenario\":{\"decision\":\"" + decision + "\",\"reverse_order\":" + reverse
                        + ",\"duplicates\":" + duplicates + "}}")
                .post("/persona/_sandbox/organizations")
                .then()
                .statusCode(201);
        return key;
    }

    static String newInquiry(String key) {
        return newInquiry(key, "{}");
    }

    /** An inquiry created with {@code fields} (a JSON object, as Persona's create takes them). */
    static String newInquiry(String key, String fields) {
        return given().auth()
                .oauth2(key)
                .body("{\"data\":{\"attributes\":{\"inquiry-template-id\":\"itmpl_test\",\"reference-id\":\""
                        + UUID.randomUUID() + "\",\"fields\":" + fields + "}}}")
                .post(API)
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
    }

    static Response resume(String key, String inquiry) {
        return given().auth()
                .oauth2(key)
                .post(API + "/" + inquiry + "/resume")
                .then()
                .statusCode(200)
                .extract()
                .response();
    }

    static String status(String key, String inquiry) {
        return given().auth()
                .oauth2(key)
                .get(API + "/" + inquiry)
                .then()
                .statusCode(200)
                .extract()
                .path("data.attributes.status");
    }

    static String create(String template, String reference) {
        return "{\"data\":{\"attributes\":{\"inquiry-template-id\":\"" + template + "\",\"reference-id\":\"" + reference
                + "\"}}}";
    }

    static String receiverUrl() {
        return "http://localhost:" + RestAssured.port + "/test/persona-receiver";
    }

    /** The webhooks received for the inquiry, once {@code done} holds of them. */
    static List<JsonNode> awaitEvents(String inquiry, Predicate<List<JsonNode>> done) {
        return awaitReceived("the webhooks of inquiry " + inquiry, "/data/attributes/payload/data/id", inquiry, done);
    }

    /** The verification events (payload a {@code verification/…}) of an inquiry's checks, as received. */
    static List<JsonNode> awaitVerificationEvents(String inquiry, Predicate<List<JsonNode>> done) {
        return awaitReceived(
                "the verification webhooks of inquiry " + inquiry,
                "/data/attributes/payload/data/relationships/inquiry/data/id",
                inquiry,
                done);
    }

    private static List<JsonNode> awaitReceived(
            String what, String inquiryPointer, String inquiry, Predicate<List<JsonNode>> done) {
        return waitFor(what)
                .until(
                        () -> WebhookReceiver.RECEIVED.stream()
                                .map(r -> PersonaJson.parse(r.body()).orElseThrow())
                                .filter(e -> inquiry.equals(e.at(inquiryPointer).asText()))
                                .toList(),
                        done);
    }

    /** The person opens the hosted flow at the session link and chooses {@code action} (complete, fail). */
    static void actOnHostedFlow(String key, String inquiry, String action) {
        String token = resume(key, inquiry).path("meta.session-token");
        given().queryParam("inquiry-id", inquiry)
                .queryParam("session-token", token)
                .get("/persona/verify")
                .then()
                .statusCode(200);
        given().formParam("inquiry-id", inquiry)
                .formParam("session-token", token)
                .post("/persona/verify/" + action)
                .then()
                .statusCode(200);
    }

    /**
     * The events, as {@link #nameAndStatus}, whose inquiry had one of {@code statuses}, in the order received:
     * the events of one step (the same statuses) are delivered one after the other in the order sent, while
     * different steps are delivered concurrently, so only the order within a step is defined.
     */
    static List<String> step(List<JsonNode> events, String... statuses) {
        List<String> wanted = List.of(statuses);
        return events.stream()
                .filter(e -> wanted.contains(
                        e.at("/data/attributes/payload/data/attributes/status").asText()))
                .map(PersonaTenants::nameAndStatus)
                .toList();
    }

    /** An event as {@code name/status of the inquiry in its payload}, e.g. {@code inquiry.failed/failed}. */
    static String nameAndStatus(JsonNode event) {
        return event.at("/data/attributes/name").asText() + "/"
                + event.at("/data/attributes/payload/data/attributes/status").asText();
    }
}
