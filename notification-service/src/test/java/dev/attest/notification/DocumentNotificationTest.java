package dev.attest.notification;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.common.events.Topics;
import dev.attest.common.security.Roles;
import dev.attest.contracts.EventTypes;
import dev.attest.notification.support.Mailbox;
import dev.attest.notification.support.Receiver;
import dev.attest.notification.support.SmtpRelayResource;
import dev.attest.notification.support.Tenants;
import dev.attest.notification.support.WebhookApi;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * document-service's events (attest.document.v1) tell the user how their documents fare, reach the project's webhook
 * endpoints, and alert the admins when a document could not be stored.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(SmtpRelayResource.class)
@WithTestResource(GatewayTokens.class)
class DocumentNotificationTest {
    private static final String ARWEAVE_TX = "a".repeat(43);

    @Inject
    Tenants tenants;

    private final String org = "org-" + UUID.randomUUID();
    private final String project = "prj-" + UUID.randomUUID();
    private final String user = "user-" + UUID.randomUUID();
    private final String admin = "admin-of-" + org;
    private final String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
    private final String caseId = UUID.randomUUID().toString();
    private final String documentId = UUID.randomUUID().toString();
    private EventPublisher events;
    private WebhookApi webhooks;

    @BeforeEach
    void setUp() {
        events = new EventPublisher();
        webhooks = new WebhookApi(org, project);
        tenants.seed(events, org, project, admin, adminEmail);
    }

    @AfterEach
    void tearDown() {
        events.close();
        List<String> ids = webhooks.get("").extract().path("id");
        ids.forEach(webhooks::delete);
    }

    @Test
    void aDocumentsJourneyTellsTheUserAndReachesTheProjectsEndpoint() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String endpoint = webhooks.createEndpoint(Map.of("url", receiver.url("/hooks")))[0]; // every type
            stored();
            send(
                    EventTypes.Document.CONFIRMED,
                    Map.of(
                            "document_id", documentId,
                            "case_id", caseId,
                            "user_id", user,
                            "arweave_tx_id", ARWEAVE_TX,
                            "block_height", 7,
                            "project_id", project));
            send(
                    EventTypes.Document.CASE_DECIDED,
                    Map.of(
                            "case_id", caseId,
                            "project_id", project,
                            "user_id", user,
                            "decision", "approved",
                            "decided_by", admin,
                            "documents", List.of(Map.of("document_id", documentId, "arweave_tx_id", ARWEAVE_TX))));

            List<String> types = waitFor("the decision's webhook message")
                    .until(() -> messageTypes(endpoint), all -> all.contains(EventTypes.Document.CASE_DECIDED));
            assertThat(types)
                    .containsExactlyInAnyOrder(
                            EventTypes.Document.STORED,
                            EventTypes.Document.CONFIRMED,
                            EventTypes.Document.CASE_DECIDED);
        }
        // Confirmation is not news to the user: stored already said the document is safe.
        assertThat(notifications(user, Roles.USER, "type")).containsExactly("document.approved", "document.stored");
        assertThat(notifications(user, Roles.USER, "link")).containsOnly("/documents/cases/" + caseId);
    }

    @Test
    void aDocumentThatCouldNotBeStoredAlertsTheAdminsOnceAndReachesItsProjectsEndpoint() throws Exception {
        // every type; no earlier event of this user tells the project: the event's own project_id does
        String endpoint;
        try (Receiver receiver = new Receiver()) {
            endpoint = webhooks.createEndpoint(Map.of("url", receiver.url("/hooks")))[0];
        }
        Map<String, Object> failure = Map.of(
                "document_id", documentId, "case_id", caseId, "project_id", project, "user_id", user, "attempts", 6);
        String id = UUID.randomUUID().toString();
        events.event(Topics.DOCUMENT, EventTypes.Document.STORAGE_FAILED, org, key(), failure)
                .id(id)
                .send();
        events.event(Topics.DOCUMENT, EventTypes.Document.STORAGE_FAILED, org, key(), failure)
                .id(id)
                .send(); // redelivered: still one alert

        MimeMessage alert = waitFor("the admins' alert")
                .until(this::mailsToAdmin, mails -> !mails.isEmpty())
                .get(0);
        assertThat(alert.getSubject()).isEqualTo("[Attest] Document storage failed");
        // the in-app alert, the user's notification and the webhook message are written with the email
        assertThat(notifications(admin, Roles.ORG_ADMIN, "type")).containsExactly("document.storage-failed");
        assertThat(notifications(user, Roles.USER, "type")).containsExactly("document.failed");
        assertThat(messageTypes(endpoint)).containsExactly(EventTypes.Document.STORAGE_FAILED);
        // A marker behind the copies on the same key: once it is seen, both copies were consumed.
        stored();
        waitFor("the marker").until(() -> notifications(user, Roles.USER, "type"), all -> all.size() == 2);
        assertThat(mailsToAdmin()).hasSize(1);
        assertThat(messageTypes(endpoint))
                .containsExactlyInAnyOrder(EventTypes.Document.STORAGE_FAILED, EventTypes.Document.STORED);
    }

    private void stored() {
        send(
                EventTypes.Document.STORED,
                Map.of(
                        "document_id", documentId,
                        "case_id", caseId,
                        "project_id", project,
                        "user_id", user,
                        "requirement", "proof-of-address",
                        "arweave_tx_id", ARWEAVE_TX));
    }

    private void send(String type, Map<String, Object> data) {
        events.send(Topics.DOCUMENT, type, org, key(), data);
    }

    private String key() {
        return org + ":" + user;
    }

    /** One field of each of the subject's notifications, newest first. */
    private List<String> notifications(String subject, String role, String field) {
        return given().auth()
                .oauth2(GatewayTokens.user(org, subject, role))
                .get("/notifications/me")
                .then()
                .statusCode(200)
                .extract()
                .path("items." + field);
    }

    private List<String> messageTypes(String endpoint) {
        return webhooks.get("/" + endpoint + "/messages")
                .statusCode(200)
                .extract()
                .path("event_type");
    }

    private List<MimeMessage> mailsToAdmin() {
        return Mailbox.to(adminEmail);
    }
}
