package dev.attest.compliance.business;

import static dev.attest.testing.TopicReader.header;
import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.events.Topics;
import dev.attest.compliance.support.TestOrg;
import dev.attest.testing.TopicReader;
import dev.attest.testing.Waits;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A KYB test's organization, its application, and what people do at the Persona sandbox's pages. */
final class KybScenario {
    static final String OWNER_LAST_NAME = "Hopperlace";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HIDDEN = Pattern.compile("name=\"(inquiry-id|session-token)\" value=\"([^\"]+)\"");

    private KybScenario() {}

    /** A test organization with a KYB inquiry template besides its KYC settings. */
    static TestOrg org(String decision) {
        return withKyb(TestOrg.create(decision));
    }

    /** As {@link #org}, its webhooks lost (the sandbox has no URL for them). */
    static TestOrg orgWithoutWebhooks(String decision) {
        return withKyb(TestOrg.createWithoutWebhooks(decision));
    }

    private static TestOrg withKyb(TestOrg org) {
        org.admin()
                .body(Map.of(
                        "kyb_inquiry_template_id",
                        "itmpl_kyb" + UUID.randomUUID().toString().replace("-", "")))
                .put("/orgs/" + org.id() + "/integrations/persona")
                .then()
                .statusCode(200);
        return org;
    }

    /** A company with a beneficial owner (60 %) and a director. */
    static Map<String, Object> application(String registrationNumber) {
        return Map.of(
                "business",
                Map.of(
                        "legal_name",
                        "Acme Widgets GmbH",
                        "registration_number",
                        registrationNumber,
                        "country_code",
                        "DE",
                        "tax_id",
                        "DE123456789",
                        "address",
                        Map.of(
                                "street_1",
                                "Hauptstr. 1",
                                "city",
                                "Berlin",
                                "postal_code",
                                "10115",
                                "country_code",
                                "DE")),
                "owners",
                List.of(
                        Map.of(
                                "role",
                                "beneficial_owner",
                                "ownership_percent",
                                60,
                                "first_name",
                                "Grace",
                                "last_name",
                                OWNER_LAST_NAME,
                                "email",
                                "grace@example.com",
                                "birthdate",
                                "1970-01-02"),
                        Map.of("role", "director", "first_name", "Alan", "last_name", OWNER_LAST_NAME)));
    }

    static Response apply(TestOrg org, String representative, Object body) {
        return org.user(representative).body(body).post("/compliance/kyb");
    }

    static JsonPath applied(TestOrg org, String representative, String registrationNumber) {
        return apply(org, representative, application(registrationNumber))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /** The person opens their one-time link and chooses {@code complete} or {@code fail} on the hosted page. */
    static void actAtLink(String link, String action) {
        String page = given().urlEncodingEnabled(false)
                .get(link)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher hidden = HIDDEN.matcher(page);
        String inquiry = null;
        String token = null;
        while (hidden.find()) {
            if (hidden.group(1).equals("inquiry-id")) {
                inquiry = hidden.group(2);
            } else {
                token = hidden.group(2);
            }
        }
        assertThat(token).as("the link opened a session").isNotNull();
        act(inquiry, token, action);
    }

    /** The representative goes through the business flow with the session they got. */
    static void actInSession(String inquiry, String sessionToken, String action) {
        given().queryParam("inquiry-id", inquiry)
                .queryParam("session-token", sessionToken)
                .get("/persona/verify")
                .then()
                .statusCode(200);
        act(inquiry, sessionToken, action);
    }

    private static void act(String inquiry, String token, String action) {
        given().formParam("inquiry-id", inquiry)
                .formParam("session-token", token)
                .post("/persona/verify/" + action)
                .then()
                .statusCode(200);
    }

    static JsonPath awaitStatus(TestOrg org, String representative, String caseId, String status) {
        return waitFor("the business case " + status)
                .until(
                        () -> org.user(representative)
                                .get("/compliance/kyb/" + caseId)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        json -> status.equals(json.getString("status")));
    }

    static JsonPath awaitOwner(TestOrg org, String representative, String caseId, int position, String status) {
        return waitFor("owner " + position + " " + status)
                .until(
                        () -> org.user(representative)
                                .get("/compliance/kyb/" + caseId)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        json -> status.equals(json.getString("owners[" + (position - 1) + "].kyc_status")));
    }

    /** The events of one business case on {@code attest.kyc.v1}. */
    static final class Events implements AutoCloseable {
        private final TopicReader reader = TopicReader.of(Topics.KYC);

        record Event(String type, String key, JsonNode data) {}

        List<Event> until(String caseId, Predicate<List<Event>> done) {
            @SuppressWarnings("unchecked")
            List<Event>[] last = new List[1];
            reader.readUntil(
                    records -> {
                        last[0] = of(records, caseId);
                        return done.test(last[0]);
                    },
                    Waits.TIMEOUT);
            return last[0];
        }

        /** Reads on for a while: for asserting that nothing more arrives. */
        List<Event> settle(String caseId, Duration duration) {
            return of(reader.readFor(duration), caseId);
        }

        private static List<Event> of(List<ConsumerRecord<String, byte[]>> records, String caseId) {
            return records.stream()
                    .filter(r -> ("business-case/" + caseId).equals(header(r, "ce_subject")))
                    .map(r -> new Event(header(r, "ce_type"), r.key(), data(r.value())))
                    .toList();
        }

        private static JsonNode data(byte[] value) {
            try {
                return JSON.readTree(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            reader.close();
        }
    }
}
