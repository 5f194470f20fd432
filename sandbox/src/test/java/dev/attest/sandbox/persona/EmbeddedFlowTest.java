package dev.attest.sandbox.persona;

import static dev.attest.sandbox.persona.PersonaTenants.awaitEvents;
import static dev.attest.sandbox.persona.PersonaTenants.newInquiry;
import static dev.attest.sandbox.persona.PersonaTenants.receiverUrl;
import static dev.attest.sandbox.persona.PersonaTenants.register;
import static dev.attest.sandbox.persona.PersonaTenants.resume;
import static dev.attest.sandbox.persona.PersonaTenants.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The flow in the frame of Persona's JavaScript SDK (npm {@code persona} 5.9.0): the page at the URL the SDK
 * builds, the messages it posts to the embedding page, and the same steps and webhooks as the session link.
 */
@QuarkusTest
class EmbeddedFlowTest {
    private static final String CONSOLE = "http://localhost:5173";
    private static final String OUTER = "https://admin.attest.example";
    private static final String CONTAINER = "persona-widget-0k3c9a1b2d4e5f6g";
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

    @Test
    void theSdksFrameShowsTheFlowToTheEmbeddingPageOnlyAndTellsTheSdkItIsReady() {
        String key = register(null, "none", false, 0);
        String inquiry = newInquiry(key);
        String token = resume(key, inquiry).path("meta.session-token");

        Response page = open(sdkQuery(inquiry, token, Map.of("frame-ancestors[0]", OUTER)));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).isEqualTo("frame-ancestors " + CONSOLE + " " + OUTER);
        assertThat(page.header("X-Frame-Options")).isNull();
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        String html = page.asString();
        assertThat(html)
                .contains("<html lang=\"en\">")
                .contains("<button type=\"submit\" id=\"complete\">Complete verification</button>")
                .contains("<button type=\"submit\" id=\"fail\">Fail verification</button>")
                .contains("<button type=\"submit\" id=\"abandon\">Leave without finishing</button>")
                .contains("<form method=\"post\" action=\"/widget/complete\">");
        assertThat(attribute(html, "data-target-origin")).isEqualTo(CONSOLE);
        assertThat(html).contains("window.parent.postMessage(message, target)").doesNotContain("'*'");

        List<JsonNode> messages = list(json(attribute(html, "data-messages")));
        assertThat(messages).extracting(m -> m.get("name").asText()).containsExactly("load", "ready", "start");
        assertThat(messages)
                .allSatisfy(m -> assertThat(m.get("containerId").asText()).isEqualTo(CONTAINER));
        assertThat(messages.get(2).at("/metadata/inquiryId").asText()).isEqualTo(inquiry);
        JsonNode exit = json(attribute(html, "data-exit"));
        assertThat(exit.get("name").asText()).isEqualTo("exit");
        assertThat(exit.at("/metadata/inquiryId").asText()).isEqualTo(inquiry);
        assertThat(exit.at("/metadata/sessionToken").asText()).isEqualTo(token);

        // The forms carry the session and the embedding to the next page.
        assertThat(hiddenFields(html))
                .containsEntry("inquiry-id", inquiry)
                .containsEntry("session-token", token)
                .containsEntry("iframe-origin", CONSOLE)
                .containsEntry("frame-ancestors[0]", OUTER)
                .containsEntry("container-id", CONTAINER);
        assertThat(status(key, inquiry)).isEqualTo("pending");
    }

    @Test
    void theSdksFrameRefusesASessionThatIsNotValidAndTellsTheSdk() {
        String key = register(null, "none", false, 0);
        String inquiry = newInquiry(key);
        resume(key, inquiry);

        Response page = open(sdkQuery(inquiry, "sess_not_the_token", Map.of()));

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.header("Content-Security-Policy")).isEqualTo("frame-ancestors " + CONSOLE);
        String html = page.asString();
        assertThat(html).contains("<h1>Link not valid</h1>").doesNotContain("<button");
        assertThat(attribute(html, "data-target-origin")).isEqualTo(CONSOLE);
        List<JsonNode> messages = list(json(attribute(html, "data-messages")));
        assertThat(messages).extracting(m -> m.get("name").asText()).containsExactly("load", "error");
        assertThat(messages.get(1).at("/error/status").asInt()).isEqualTo(409);
        assertThat(messages.get(1).at("/error/code").asText()).isEqualTo("unauthenticated");
        assertThat(status(key, inquiry)).isEqualTo("created");
    }

    @Test
    void withoutAWellFormedEmbeddingOriginTheFrameTalksToNoParent() {
        String key = register(null, "none", false, 0);
        String inquiry = newInquiry(key);
        String token = resume(key, inquiry).path("meta.session-token");
        String session = "inquiry-id=" + inquiry + "&session-token=" + token;

        for (String query : List.of(
                session,
                session + "&iframe-origin=" + encode("javascript:alert(1)"),
                session + "&iframe-origin=" + encode(CONSOLE + "\" onload=\"alert(1)"),
                session + "&iframe-origin=" + encode(CONSOLE + "/path"),
                session + "&iframe-origin=" + encode(CONSOLE) + "&" + encode("frame-ancestors[0]") + "=*",
                session + "&iframe-origin=" + encode(CONSOLE) + "&message-target-origin=null")) {
            Response page = open(query);
            assertThat(page.statusCode()).as(query).isEqualTo(400);
            assertThat(page.asString()).as(query).doesNotContain("<script").doesNotContain("<button");
        }
        assertThat(status(key, inquiry)).isEqualTo("created");
    }

    @Test
    void messagesGoToTheMessageTargetOriginWhenTheSdkNamesOne() {
        String key = register(null, "none", false, 0);
        String inquiry = newInquiry(key);
        String token = resume(key, inquiry).path("meta.session-token");

        Response page = open(sdkQuery(inquiry, token, Map.of("message-target-origin", OUTER)));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(attribute(page.asString(), "data-target-origin")).isEqualTo(OUTER);
        assertThat(page.header("Content-Security-Policy")).isEqualTo("frame-ancestors " + CONSOLE);
        assertThat(hiddenFields(page.asString())).containsEntry("message-target-origin", OUTER);
    }

    @Test
    void completingInTheFrameCompletesTheInquiryWithItsWebhooksAndCallsOnComplete() throws Exception {
        String key = register(receiverUrl(), "auto-approve", false, 0);
        String inquiry = newInquiry(key, "{\"name-first\":{\"type\":\"string\",\"value\":\"Ada\"}}");
        String token = resume(key, inquiry).path("meta.session-token");
        Map<String, String> form = hiddenFields(open(sdkQuery(inquiry, token, Map.of()))
                .then()
                .statusCode(200)
                .extract()
                .asString());

        Response done = choose("complete", form);

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.header("Content-Security-Policy")).isEqualTo("frame-ancestors " + CONSOLE);
        String html = done.asString();
        assertThat(html).contains("id=\"done\"");
        assertThat(attribute(html, "data-target-origin")).isEqualTo(CONSOLE);
        List<JsonNode> messages = list(json(attribute(html, "data-messages")));
        assertThat(messages).hasSize(1);
        JsonNode complete = messages.get(0);
        assertThat(complete.get("name").asText()).isEqualTo("complete");
        assertThat(complete.get("containerId").asText()).isEqualTo(CONTAINER);
        assertThat(complete.at("/metadata/inquiryId").asText()).isEqualTo(inquiry);
        assertThat(complete.at("/metadata/status").asText()).isEqualTo("completed");
        assertThat(complete.at("/metadata/fields/name-first/value").asText()).isEqualTo("Ada");

        Set<String> expected = Set.of(
                "inquiry.created/created",
                "inquiry.started/pending",
                "inquiry.transitioned/pending",
                "inquiry.completed/completed",
                "inquiry.transitioned/completed",
                "inquiry.approved/approved");
        List<JsonNode> events = awaitEvents(inquiry, list -> list.size() >= expected.size());
        assertThat(events).extracting(PersonaTenants::nameAndStatus).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(status(key, inquiry)).isEqualTo("approved");

        // The session is used up: choosing again tells the SDK so.
        Response again = choose("fail", form);
        assertThat(again.statusCode()).isEqualTo(404);
        JsonNode error =
                list(json(attribute(again.asString(), "data-messages"))).get(0);
        assertThat(error.at("/error/code").asText()).isEqualTo("unauthenticated");
    }

    @Test
    void failingInTheFrameFailsTheInquiryWithItsWebhooksAndCallsOnCompleteWithFailed() throws Exception {
        String key = register(receiverUrl(), "none", false, 0);
        String inquiry = newInquiry(key);
        String token = resume(key, inquiry).path("meta.session-token");
        Map<String, String> form = hiddenFields(open(sdkQuery(inquiry, token, Map.of()))
                .then()
                .statusCode(200)
                .extract()
                .asString());

        Response failed = choose("fail", form);

        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(failed.asString()).contains("id=\"failed\"");
        JsonNode fail =
                list(json(attribute(failed.asString(), "data-messages"))).get(0);
        assertThat(fail.get("name").asText()).isEqualTo("fail");
        assertThat(fail.at("/metadata/inquiryId").asText()).isEqualTo(inquiry);
        assertThat(fail.at("/metadata/status").asText()).isEqualTo("failed");
        assertThat(fail.at("/metadata/fields").isObject()).isTrue();

        Set<String> failedStep = Set.of("inquiry.failed/failed", "inquiry.transitioned/failed");
        List<JsonNode> events = awaitEvents(inquiry, list -> list.stream()
                .map(PersonaTenants::nameAndStatus)
                .toList()
                .containsAll(failedStep));
        assertThat(events).extracting(PersonaTenants::nameAndStatus).containsAll(failedStep);
        assertThat(status(key, inquiry)).isEqualTo("failed");
    }

    @Test
    void leavingTheFrameKeepsTheInquiryPendingAndCallsOnCancelWithTheSessionThatResumesIt() {
        String key = register(null, "none", false, 0);
        String inquiry = newInquiry(key);
        String token = resume(key, inquiry).path("meta.session-token");
        Map<String, String> form = hiddenFields(open(sdkQuery(inquiry, token, Map.of()))
                .then()
                .statusCode(200)
                .extract()
                .asString());

        Response left = choose("abandon", form);

        assertThat(left.statusCode()).isEqualTo(200);
        assertThat(left.asString()).contains("id=\"abandoned\"");
        JsonNode exit = list(json(attribute(left.asString(), "data-messages"))).get(0);
        assertThat(exit.get("name").asText()).isEqualTo("exit");
        assertThat(exit.get("containerId").asText()).isEqualTo(CONTAINER);
        assertThat(exit.at("/metadata/inquiryId").asText()).isEqualTo(inquiry);
        assertThat(exit.at("/metadata/sessionToken").asText()).isEqualTo(token);
        assertThat(status(key, inquiry)).isEqualTo("pending");

        // The same session opens the frame again; the inquiry had started already.
        Response again = open(sdkQuery(inquiry, token, Map.of()));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(list(json(attribute(again.asString(), "data-messages"))))
                .extracting(m -> m.get("name").asText())
                .containsExactly("load", "ready");
    }

    @Test
    void preloadIsAnEmptyPage() {
        given().get("/preload").then().statusCode(200).contentType("text/html");
    }

    /** The query the SDK builds for {@code new Persona.Client({inquiryId, sessionToken, ...})} opened on the console. */
    private static String sdkQuery(String inquiry, String token, Map<String, String> more) {
        // As setupIframe of persona 5.9.0 builds it (qs, indices for arrays), e.g.
        // client-version=5.9.0&container-id=persona-widget-abc&flow-type=embedded&iframe-origin=http%3A%2F%2F
        // localhost%3A5173&frame-ancestors%5B0%5D=https%3A%2F%2Fadmin.example&inquiry-id=inq_1&session-token=sess_2
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client-version", "5.9.0");
        params.put("container-id", CONTAINER);
        params.put("flow-type", "embedded");
        params.put("iframe-origin", CONSOLE);
        params.putAll(more);
        params.put("inquiry-id", inquiry);
        params.put("session-token", token);
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&")
                .append(encode(name))
                .append('=')
                .append(encode(value)));
        return query.toString();
    }

    private static Response open(String query) {
        return given().urlEncodingEnabled(false).get("/widget?" + query);
    }

    /** Posts what the page's form posts: its hidden fields, to the chosen button's action. */
    private static Response choose(String action, Map<String, String> form) {
        return given().formParams(form).post("/widget/" + action);
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = HIDDEN.matcher(html);
        while (matcher.find()) {
            fields.putIfAbsent(unescape(matcher.group(1)), unescape(matcher.group(2)));
        }
        return fields;
    }

    private static String attribute(String html, String name) {
        Matcher matcher = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as(name + " in " + html).isTrue();
        return unescape(matcher.group(1));
    }

    private static String unescape(String value) {
        return value.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static JsonNode json(String text) {
        return PersonaJson.parse(text.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    private static List<JsonNode> list(JsonNode array) {
        assertThat(array.isArray()).isTrue();
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
