package dev.attest.notification;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.events.Topics;
import dev.attest.common.security.Roles;
import dev.attest.contracts.EventTypes;
import dev.attest.notification.support.Mailbox;
import dev.attest.notification.support.SmtpRelayResource;
import dev.attest.notification.support.SseClient;
import dev.attest.notification.support.Tenants;
import dev.attest.testing.EventData;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Domain events from Kafka become the user's live notifications and the admins' email. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(SmtpRelayResource.class)
@WithTestResource(GatewayTokens.class)
class NotificationFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Tenants tenants;

    @TestHTTPResource("/notifications/me/stream")
    URI stream;

    private final String org = "org-" + UUID.randomUUID();
    private final String project = "prj-" + UUID.randomUUID();
    private final String user = "user-" + UUID.randomUUID();
    private final String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
    private EventPublisher events;

    @BeforeEach
    void setUp() {
        events = new EventPublisher();
        tenants.seed(events, org, project, "admin-of-" + org, adminEmail);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void anOnboardingReachesTheUsersLiveStreamAndTheAdminsMailbox() throws Exception {
        try (SseClient live = SseClient.open(stream, userToken(), "0")) {
            assertThat(live.status()).isEqualTo(200);
            String caseId = kycCaseOpened();
            kycStatus(caseId, "verified");
            assertThat(List.of(type(live.next()), type(live.next()))).containsExactly("kyc.started", "kyc.verified");
            // KYC and wallet events come on different topics, consumed in parallel: no order holds between
            // them, so the wallet event is sent once the KYC ones are seen.
            String walletEvent = walletProvisioned(user);
            assertThat(type(live.next())).isEqualTo("wallet.provisioned");

            MimeMessage mail = waitFor("admin email")
                    .until(() -> mailsTo(adminEmail), m -> m.size() == 1)
                    .get(0);
            assertThat(mail.getSubject()).isEqualTo("[Attest] Wallet provisioned");
            Multipart parts = (Multipart) mail.getContent();
            String all = GreenMailUtilText.of(parts);
            assertThat(all).contains("text/plain").contains("text/html").contains(user);
            assertThat(walletEvent).isNotBlank();
        }
        given().auth()
                .oauth2(userToken())
                .get("/notifications/me")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.type", equalTo(List.of("wallet.provisioned", "kyc.verified", "kyc.started")))
                .body("items[0].link", equalTo("/wallets/wallet-of-" + user));
    }

    @Test
    void aReconnectingStreamResumesAfterTheLastEventItSawWithoutLossOrRepeat() throws Exception {
        String firstId;
        try (SseClient live = SseClient.open(stream, userToken(), "0")) {
            kycCaseOpened();
            SseClient.Event first = live.next();
            assertThat(type(first)).isEqualTo("kyc.started");
            firstId = first.id();
        }
        kycStatus("case-x", "review"); // while no stream is open
        waitFor("the second notification").until(this::notificationCount, n -> n == 2);

        try (SseClient resumed = SseClient.open(stream, userToken(), firstId)) {
            SseClient.Event missed = resumed.next();
            assertThat(type(missed)).isEqualTo("kyc.in-review");
            assertThat(Long.parseLong(missed.id())).isGreaterThan(Long.parseLong(firstId));
            kycStatus("case-x", "verified");
            assertThat(type(resumed.next())).isEqualTo("kyc.verified");
        }
    }

    @Test
    void aRedeliveredEventNotifiesAndMailsOnlyOnce() throws Exception {
        Map<String, Object> data = walletData(user);
        String id = UUID.randomUUID().toString();
        events.event(Topics.WALLET, EventTypes.Wallet.PROVISIONED, org, key(), data)
                .id(id)
                .send();
        events.event(Topics.WALLET, EventTypes.Wallet.PROVISIONED, org, key(), data)
                .id(id)
                .send();
        walletProvisioned("marker-" + user); // same key, so consumed after both copies

        waitFor("the marker email").until(() -> mailsTo(adminEmail), m -> m.size() == 2);
        assertThat(notificationCount()).isEqualTo(1);
    }

    @Test
    void aFinalProvisioningFailureAlertsTheAdminsButARetriedOneDoesNot() throws Exception {
        events.send(Topics.WALLET, EventTypes.Wallet.PROVISIONING_FAILED, org, key(), failure(false));
        events.send(Topics.WALLET, EventTypes.Wallet.PROVISIONING_FAILED, org, key(), failure(true));

        MimeMessage alert = waitFor("the alert")
                .until(() -> mailsTo(adminEmail), m -> m.size() == 1)
                .get(0);
        assertThat(alert.getSubject()).isEqualTo("[Attest] Wallet provisioning failed");
        given().auth()
                .oauth2(GatewayTokens.user(org, "admin-of-" + org, Roles.ORG_ADMIN))
                .get("/notifications/me")
                .then()
                .body("items.type", equalTo(List.of("wallet.provisioning-failed")));
        given().auth()
                .oauth2(userToken())
                .get("/notifications/me")
                .then()
                .body("items.type", equalTo(List.of("wallet.failed")));
    }

    @Test
    void usersReadTheirOwnNotificationsOnly() {
        kycCaseOpened();
        kycStatus("case-1", "pending");
        waitFor("two notifications").until(this::notificationCount, n -> n == 2);
        String id = given().auth()
                .oauth2(userToken())
                .get("/notifications/me")
                .then()
                .extract()
                .path("items[0].id");

        // Another user of the org, and a user of another org with the same subject, cannot touch it.
        given().auth()
                .oauth2(GatewayTokens.user(org, "someone-else", Roles.USER))
                .post("/notifications/" + id + "/read")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(GatewayTokens.user("org-other", user, Roles.USER))
                .get("/notifications/me")
                .then()
                .body("total", equalTo(0));

        given().auth()
                .oauth2(userToken())
                .post("/notifications/" + id + "/read")
                .then()
                .statusCode(200)
                .body("read_at", notNullValue());
        given().auth()
                .oauth2(userToken())
                .queryParam("unread", true)
                .get("/notifications/me")
                .then()
                .body("items", hasSize(1));
        given().auth()
                .oauth2(userToken())
                .post("/notifications/me/read-all")
                .then()
                .statusCode(200)
                .body("updated", equalTo(1));
        given().auth()
                .oauth2(userToken())
                .queryParam("unread", true)
                .get("/notifications/me")
                .then()
                .body("total", equalTo(0));
        given().auth()
                .oauth2(userToken())
                .queryParam("size", 1000)
                .get("/notifications/me")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(userToken())
                .queryParam("page", Integer.MAX_VALUE)
                .get("/notifications/me")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://attest.dev/problems/validation-failed"));
    }

    @Test
    void anEventWithoutAUserGoesToTheDeadLetterTopicAndChangesNothing() {
        String marker = "poison-" + UUID.randomUUID();
        try (TopicReader dead = TopicReader.of(Topics.deadLetter(Topics.KYC))) {
            events.event(Topics.KYC, EventTypes.Kyc.CASE_OPENED, org, marker, Map.of("case_id", marker))
                    .sendMalformed();
            var records =
                    dead.readUntil(r -> r.stream().anyMatch(rec -> marker.equals(rec.key())), Duration.ofSeconds(30));
            assertThat(records.stream().filter(rec -> marker.equals(rec.key()))).hasSize(1);
        }
        assertThat(notificationCount()).isZero();
    }

    private String kycCaseOpened() {
        String caseId = "case-" + UUID.randomUUID();
        events.send(Topics.KYC, EventTypes.Kyc.CASE_OPENED, org, key(), EventData.kycCaseOpened(caseId, user, project));
        return caseId;
    }

    private void kycStatus(String caseId, String status) {
        events.send(
                Topics.KYC,
                EventTypes.Kyc.STATUS_CHANGED,
                org,
                key(),
                EventData.kycStatusChanged(caseId, user, project, status));
    }

    private String walletProvisioned(String forUser) {
        return events.send(Topics.WALLET, EventTypes.Wallet.PROVISIONED, org, key(), walletData(forUser));
    }

    private Map<String, Object> walletData(String forUser) {
        return Map.of(
                "wallet_id", "wallet-of-" + forUser,
                "user_id", forUser,
                "network", "ethereum-sepolia",
                "address", "0x00000000000000000000000000000000000000a1",
                "provider_wallet_id", "wa-1",
                "kyc_case_id", "case-1",
                "kyc_level", "basic");
    }

    private Map<String, Object> failure(boolean isFinal) {
        return Map.of(
                "user_id", user, "kyc_case_id", "case-1", "attempts", 3, "reason", "provider_error", "final", isFinal);
    }

    private String key() {
        return org + ":" + user;
    }

    private String userToken() {
        return GatewayTokens.user(org, user, Roles.USER);
    }

    private int notificationCount() {
        return given().auth()
                .oauth2(userToken())
                .get("/notifications/me")
                .then()
                .extract()
                .path("total");
    }

    private static String type(SseClient.Event event) throws Exception {
        assertThat(event).as("an event on the stream").isNotNull();
        JsonNode data = JSON.readTree(event.data());
        assertThat(event.id()).isEqualTo(data.path("seq").asText());
        return data.path("type").asText();
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Mailbox.to(address);
    }

    /** The content types and text of every part of a multipart message (nested ones included). */
    private static final class GreenMailUtilText {
        static String of(Multipart multipart) throws Exception {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                text.append(part.getContentType()).append('\n');
                Object content = part.getContent();
                if (content instanceof Multipart nested) {
                    text.append(of(nested));
                } else {
                    text.append(content).append('\n');
                }
            }
            return text.toString();
        }
    }
}
