package dev.attest.notification;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.events.Topics;
import dev.attest.common.security.Roles;
import dev.attest.contracts.EventTypes;
import dev.attest.notification.config.NotificationConfig;
import dev.attest.notification.repository.EmailMessageRepository;
import dev.attest.notification.repository.NotificationRepository;
import dev.attest.notification.repository.WebhookMessageRepository;
import dev.attest.notification.support.Mailbox;
import dev.attest.notification.support.Receiver;
import dev.attest.notification.support.Signatures;
import dev.attest.notification.support.SmtpRelayResource;
import dev.attest.notification.support.Tenants;
import dev.attest.notification.support.WebhookApi;
import dev.attest.notification.webhook.DeliveryWorker;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's security incidents (attest.security.v1): the affected organization's admins by email and in-app, the
 * platform's security contacts by email, the affected project's endpoints by webhook; once per event.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(SmtpRelayResource.class)
@WithTestResource(GatewayTokens.class)
class SecurityIncidentAlertTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUMMARY = "Requests with API keys of another organization were refused.";

    @Inject
    Tenants tenants;

    @Inject
    DeliveryWorker worker;

    @Inject
    NotificationConfig config;

    @Inject
    EmailMessageRepository emails;

    @Inject
    NotificationRepository notifications;

    @Inject
    WebhookMessageRepository messages;

    // The schema wants uuids for the organization and project of an incident.
    private final String org = UUID.randomUUID().toString();
    private final String project = UUID.randomUUID().toString();
    private final String admin = "admin-of-" + org;
    private final String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
    private final String secondAdmin = "second-admin-" + UUID.randomUUID();
    private final String secondAdminEmail = "second-admin-" + UUID.randomUUID() + "@example.com";
    private final List<WebhookApi> apis = new ArrayList<>();
    private EventPublisher events;
    private Receiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        events = new EventPublisher();
        receiver = new Receiver();
        tenants.seed(events, org, project, admin, adminEmail);
        tenants.addAdmin(events, org, secondAdmin, secondAdminEmail);
    }

    @AfterEach
    void tearDown() {
        for (WebhookApi api : apis) {
            List<String> ids = api.get("").extract().path("id");
            ids.forEach(api::delete);
        }
        receiver.close();
        events.close();
    }

    @Test
    void anIncidentOfAProjectAlertsTheAdminsTheSecurityContactsAndTheProjectsEndpointOncePerEvent() throws Exception {
        String[] endpoint = endpoint(org, project, "/hooks", List.of(EventTypes.Security.INCIDENT_OPENED));
        String otherProject = UUID.randomUUID().toString();
        tenants.addProject(events, org, otherProject);
        endpoint(org, otherProject, "/other-project", List.of()); // every type, but not the incident's project
        String incident = UUID.randomUUID().toString();
        Map<String, Object> data = incident(incident, "cross-tenant", "critical", org, project);
        String eventId = UUID.randomUUID().toString();
        // One partition for the event, its redelivered copy and the marker behind them: processed in that order.
        events.event(Topics.SECURITY, EventTypes.Security.INCIDENT_OPENED, org, incident, data)
                .id(eventId)
                .partition(0)
                .send();
        events.event(Topics.SECURITY, EventTypes.Security.INCIDENT_OPENED, org, incident, data)
                .id(eventId)
                .partition(0)
                .send();

        waitFor("the incident's email to every admin and security contact")
                .until(
                        () -> recipientsOfMailsAbout(incident),
                        recipients -> recipients.containsAll(everyAdminAndContact()));
        for (String address : List.of(adminEmail, secondAdminEmail)) {
            MimeMessage mail = mailsAbout(address, incident).get(0);
            assertThat(mail.getSubject()).isEqualTo("[Attest] Critical security incident: cross-tenant");
            assertThat(plainText(mail))
                    .contains(SUMMARY)
                    .contains("Detector: cross-tenant")
                    .contains("Severity: critical")
                    .contains("Signals: 12")
                    .contains("Opened at: 2026-01-01T09:30:00Z")
                    .contains(config.email().consoleUrl() + "/console/org/" + org + "/incidents/" + incident);
        }
        for (String contact : contacts()) {
            assertThat(plainText(mailsAbout(contact, incident).get(0)))
                    .contains(SUMMARY)
                    .contains(config.email().consoleUrl() + "/console/platform/incidents/" + incident);
        }

        // The in-app notifications and the webhook message are written with the emails.
        for (String user : List.of(admin, secondAdmin)) {
            JsonPath inApp = notificationsOf(user);
            assertThat(inApp.getList("items.type")).containsExactly("security.incident-opened");
            assertThat(inApp.getString("items[0].text"))
                    .contains(incident)
                    .contains("critical")
                    .contains("cross-tenant")
                    .contains(SUMMARY);
            assertThat(inApp.getString("items[0].link")).isEqualTo("/console/org/" + org + "/incidents/" + incident);
        }
        Receiver.Request request = waitFor("the webhook at the receiver")
                .until(
                        () -> {
                            worker.deliverDue();
                            return receiver.requests("/hooks");
                        },
                        requests -> requests.size() == 1)
                .get(0);
        assertThat(Signatures.verifies(request, endpoint[1])).isTrue();
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("type").asText()).isEqualTo(EventTypes.Security.INCIDENT_OPENED);
        assertThat(body.path("data").path("incident_id").asText()).isEqualTo(incident);
        assertThat(body.path("data").path("severity").asText()).isEqualTo("critical");

        // Once the marker's emails are there, the redelivered copy ahead of it was consumed: it changed nothing.
        String marker = UUID.randomUUID().toString();
        events.event(
                        Topics.SECURITY,
                        EventTypes.Security.INCIDENT_OPENED,
                        org,
                        incident,
                        incident(marker, "sign-in", "low", org, project))
                .partition(0)
                .send();
        waitFor("the marker's emails")
                .until(
                        () -> recipientsOfMailsAbout(marker),
                        recipients -> recipients.containsAll(everyAdminAndContact()));
        for (String address : everyAdminAndContact()) {
            assertThat(mailsAbout(address, incident)).hasSize(1);
        }
        assertThat(emailsOf(eventId)).hasSize(2 + contacts().size());
        assertThat(notificationsOf(admin).getList("items.type")).hasSize(2);
        assertThat(webhookMessagesOf(eventId)).hasSize(1);
        waitFor("the marker's webhook")
                .until(
                        () -> {
                            worker.deliverDue();
                            return receiver.requests("/hooks").size();
                        },
                        n -> n == 2);
        assertThat(receiver.requests("/hooks").stream().filter(r -> r.body().contains(incident)))
                .hasSize(1);
        assertThat(webhookMessagesOf(eventId))
                .extracting(message -> message.projectId)
                .containsExactly(project);
        assertThat(receiver.requests("/other-project")).isEmpty();
    }

    @Test
    void anIncidentOfTheWholeOrganizationReachesTheEndpointsOfEachOfItsProjectsAndNoOtherOrganizations() {
        String secondProject = UUID.randomUUID().toString();
        tenants.addProject(events, org, secondProject);
        String otherOrg = UUID.randomUUID().toString();
        String otherProject = UUID.randomUUID().toString();
        tenants.seed(events, otherOrg, otherProject, "admin-of-" + otherOrg, "other-" + UUID.randomUUID() + "@x.test");
        endpoint(org, project, "/first", List.of()); // every type
        endpoint(org, secondProject, "/second", List.of(EventTypes.Security.INCIDENT_OPENED));
        endpoint(otherOrg, otherProject, "/other", List.of());

        String incident = UUID.randomUUID().toString();
        String eventId = events.send(
                Topics.SECURITY,
                EventTypes.Security.INCIDENT_OPENED,
                org,
                incident,
                incident(incident, "api-key", "high", org, null));

        waitFor("the webhook at both projects' endpoints")
                .until(
                        () -> {
                            worker.deliverDue();
                            return receiver.requests().stream()
                                    .map(Receiver.Request::path)
                                    .toList();
                        },
                        paths -> paths.contains("/first") && paths.contains("/second"));
        assertThat(webhookMessagesOf(eventId))
                .extracting(message -> message.projectId)
                .containsExactlyInAnyOrder(project, secondProject);
        assertThat(receiver.requests("/other")).isEmpty();
        assertThat(emailsOf(eventId))
                .extracting(email -> email.recipient)
                .containsExactlyInAnyOrderElementsOf(everyAdminAndContact());
    }

    @Test
    void aPlatformIncidentMailsOnlyTheSecurityContacts() {
        endpoint(org, project, "/hooks", List.of()); // every type
        String incident = UUID.randomUUID().toString();
        String eventId = events.send(
                Topics.SECURITY,
                EventTypes.Security.INCIDENT_OPENED,
                "platform",
                incident,
                incident(incident, "rate-limit", "medium", null, null));

        waitFor("the security contacts' emails")
                .until(() -> recipientsOfMailsAbout(incident), recipients -> recipients.containsAll(contacts()));
        for (String contact : contacts()) {
            assertThat(mailsAbout(contact, incident)).hasSize(1);
            assertThat(plainText(mailsAbout(contact, incident).get(0)))
                    .contains(config.email().consoleUrl() + "/console/platform/incidents/" + incident);
        }
        // Everything an incident causes is written in the transaction of its event, with the emails.
        assertThat(emailsOf(eventId))
                .extracting(email -> email.recipient)
                .containsExactlyInAnyOrderElementsOf(contacts());
        assertThat(emailsOf(eventId)).extracting(email -> email.orgId).containsOnly("platform");
        assertThat(notificationsCausedBy(eventId)).isZero();
        assertThat(webhookMessagesOf(eventId)).isEmpty();
        assertThat(recipientsOfMailsAbout(incident)).containsExactlyInAnyOrderElementsOf(contacts());
    }

    @Test
    void anIncidentWithoutDetectorWithAnUnknownSeverityOrIdOrOfAnotherOrganizationIsADeadLetterAndSendsNothing() {
        endpoint(org, project, "/hooks", List.of()); // every type
        Map<String, Map<String, Object>> poison = new HashMap<>();
        Map<String, Object> withoutDetector = incident(UUID.randomUUID().toString(), "api-key", "high", org, project);
        withoutDetector.remove("detector");
        poison.put("without-detector-" + UUID.randomUUID(), withoutDetector);
        poison.put(
                "unknown-severity-" + UUID.randomUUID(),
                incident(UUID.randomUUID().toString(), "api-key", "urgent", org, project));
        poison.put("bad-id-" + UUID.randomUUID(), incident("incident-7", "api-key", "high", org, project));
        poison.put(
                "other-org-" + UUID.randomUUID(),
                incident(
                        UUID.randomUUID().toString(),
                        "api-key",
                        "high",
                        UUID.randomUUID().toString(),
                        null));

        List<String> eventIds = new ArrayList<>();
        try (TopicReader dead = TopicReader.of(Topics.deadLetter(Topics.SECURITY))) {
            poison.forEach((key, data) ->
                    eventIds.add(events.event(Topics.SECURITY, EventTypes.Security.INCIDENT_OPENED, org, key, data)
                            .sendMalformed()));
            var records = dead.readUntil(
                    r -> r.stream()
                            .map(rec -> rec.key())
                            .collect(Collectors.toSet())
                            .containsAll(poison.keySet()),
                    Duration.ofSeconds(30));
            assertThat(records.stream().filter(rec -> poison.containsKey(rec.key())))
                    .hasSize(poison.size());
        }
        for (String eventId : eventIds) {
            assertThat(emailsOf(eventId)).isEmpty();
            assertThat(notificationsCausedBy(eventId)).isZero();
            assertThat(webhookMessagesOf(eventId)).isEmpty();
        }
        assertThat(Mailbox.to(adminEmail)).isEmpty();
        assertThat(notificationsOf(admin).getList("items")).isEmpty();
        worker.deliverDue();
        assertThat(receiver.requests()).isEmpty();
    }

    /** The data of {@code attest.security.incident-opened.v1}; null organization or project as the gateway sends them. */
    private static Map<String, Object> incident(
            String incidentId, String detector, String severity, String orgId, String projectId) {
        Map<String, Object> data = new HashMap<>();
        data.put("incident_id", incidentId);
        data.put("detector", detector);
        data.put("severity", severity);
        data.put("summary", SUMMARY);
        data.put("org_id", orgId);
        data.put("project_id", projectId);
        data.put("signal_count", 12);
        data.put("opened_at", "2026-01-01T09:30:00Z");
        return data;
    }

    /** An endpoint of the project, answering at {@code path} of the receiver; its id and secret. */
    private String[] endpoint(String orgId, String projectId, String path, List<String> eventTypes) {
        WebhookApi api = new WebhookApi(orgId, projectId);
        apis.add(api);
        return api.createEndpoint(Map.of("url", receiver.url(path), "event_types", eventTypes));
    }

    private List<String> contacts() {
        return config.securityContacts().orElseThrow();
    }

    private Set<String> everyAdminAndContact() {
        Set<String> all = new HashSet<>(contacts());
        all.add(adminEmail);
        all.add(secondAdminEmail);
        return all;
    }

    /** Who GreenMail has a mail about the incident for (the security contacts get those of every test). */
    private Set<String> recipientsOfMailsAbout(String incidentId) {
        Set<String> recipients = new HashSet<>();
        for (String address : everyAdminAndContact()) {
            if (!mailsAbout(address, incidentId).isEmpty()) {
                recipients.add(address);
            }
        }
        return recipients;
    }

    private static List<MimeMessage> mailsAbout(String address, String incidentId) {
        return Mailbox.to(address).stream()
                .filter(mail -> plainText(mail).contains(incidentId))
                .toList();
    }

    private JsonPath notificationsOf(String user) {
        return given().auth()
                .oauth2(GatewayTokens.user(org, user, Roles.ORG_ADMIN))
                .get("/notifications/me")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private List<EmailMessage> emailsOf(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> emails.list("sourceEventId", eventId));
    }

    private long notificationsCausedBy(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> notifications.count("sourceEventId", eventId));
    }

    private List<WebhookMessage> webhookMessagesOf(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> messages.list("sourceEventId", eventId));
    }

    /** The decoded text/plain part: the raw body is quoted-printable, whose soft line breaks cut long links. */
    private static String plainText(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    text.append(plainText(child));
                }
                return text.toString();
            }
            return "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
