package dev.attest.notification;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.attest.common.security.Roles;
import dev.attest.notification.service.AdminAlerts;
import dev.attest.notification.service.InAppNotifications;
import dev.attest.notification.service.RetentionJob;
import dev.attest.notification.support.Mailbox;
import dev.attest.notification.support.Receiver;
import dev.attest.notification.support.Receiver.Answer;
import dev.attest.notification.support.SmtpRelayResource;
import dev.attest.notification.support.Tenants;
import dev.attest.notification.support.TestClock;
import dev.attest.notification.support.WebhookApi;
import dev.attest.notification.webhook.DeliveryWorker;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retention job deletes finished records past their retention (30/90 days) and nothing else. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(SmtpRelayResource.class)
@WithTestResource(GatewayTokens.class)
class RetentionTest {
    @Inject
    RetentionJob retention;

    @Inject
    TestClock clock;

    @Inject
    Tenants tenants;

    @Inject
    InAppNotifications inApp;

    @Inject
    AdminAlerts alerts;

    @Inject
    DeliveryWorker worker;

    @Inject
    AgroalDataSource dataSource;

    private final String org = "org-" + UUID.randomUUID();
    private final String project = "prj-" + UUID.randomUUID();
    private final String user = "user-" + UUID.randomUUID();
    private final String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
    private EventPublisher events;
    private WebhookApi api;

    @BeforeEach
    void setUp() {
        events = new EventPublisher();
        api = new WebhookApi(org, project);
        tenants.seed(events, org, project, "admin-of-" + org, adminEmail);
    }

    @AfterEach
    void tearDown() {
        List<String> ids = api.get("").extract().path("id");
        ids.forEach(api::delete);
        events.close();
    }

    @Test
    void readNotificationsAreDeletedThirtyDaysAfterReadingAndUnreadOnesAreKept() {
        String readLongAgo = notify("kyc.started");
        notify("kyc.pending"); // never read
        markRead(readLongAgo);

        clock.advance(Duration.ofDays(30));
        String readRecently = notify("kyc.verified");
        markRead(readRecently);
        retention.purge();
        assertThat(typesOfMine()).containsExactly("kyc.verified", "kyc.pending", "kyc.started");

        clock.advance(Duration.ofSeconds(1)); // now more than 30 days after the first was read
        retention.purge();
        assertThat(typesOfMine()).containsExactly("kyc.verified", "kyc.pending");
    }

    @Test
    void finishedWebhookMessagesAreDeletedWithTheirAttemptsAfterNinetyDaysAndPendingOnesAreKept() throws Exception {
        try (Receiver ok = new Receiver();
                Receiver failing = new Receiver()
                        .thenAnswer(IntStream.range(0, 10)
                                .mapToObj(i -> Answer.of(500))
                                .toArray(Answer[]::new))) {
            String delivering = api.createEndpoint(Map.of("url", ok.url("/ok")))[0];
            String retrying = api.createEndpoint(Map.of("url", failing.url("/failing")))[0];
            String delivered = api.sendTest(delivering);
            String pending = api.sendTest(retrying);
            worker.deliverDue();
            api.get("/" + delivering + "/messages").body("[0].status", equalTo("succeeded"));
            api.get("/" + retrying + "/messages").body("[0].status", equalTo("pending"));
            assertThat(attemptsOf(delivered)).isEqualTo(1);

            clock.advance(Duration.ofDays(90).minusSeconds(1));
            retention.purge();
            api.get("/" + delivering + "/messages").body("$", hasSize(1));

            clock.advance(Duration.ofSeconds(2));
            retention.purge();
            api.get("/" + delivering + "/messages").body("$", hasSize(0));
            assertThat(attemptsOf(delivered)).isZero();
            assertThat(messageExists(delivered)).isFalse();
            api.get("/" + retrying + "/messages")
                    .body("$", hasSize(1))
                    .body("[0].message_id", equalTo(pending))
                    .body("[0].status", equalTo("pending"));
            assertThat(attemptsOf(pending)).isEqualTo(1);
        }
    }

    @Test
    void sentEmailsAreDeletedAfterNinetyDays() throws Exception {
        String cause = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew()
                .run(() -> alerts.critical(org, cause, "test.alert", "Retention test", "A test alert.", "/"));
        waitFor("the alert email").until(() -> Mailbox.to(adminEmail), m -> m.size() == 1);
        waitFor("the sent email's record").until(() -> emailsOf(cause), n -> n == 1);

        clock.advance(Duration.ofDays(89));
        retention.purge();
        assertThat(emailsOf(cause)).isEqualTo(1);
        clock.advance(Duration.ofDays(2));
        retention.purge();
        assertThat(emailsOf(cause)).isZero();
    }

    private String notify(String type) {
        String source = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew()
                .run(() -> inApp.notify(org, user, new InAppNotifications.Content(type, type, "/"), source));
        return given().auth()
                .oauth2(token())
                .get("/notifications/me")
                .then()
                .extract()
                .path("items.find { it.type == '" + type + "' }.id");
    }

    private void markRead(String id) {
        given().auth()
                .oauth2(token())
                .post("/notifications/" + id + "/read")
                .then()
                .statusCode(200);
    }

    private List<String> typesOfMine() {
        return given().auth()
                .oauth2(token())
                .get("/notifications/me")
                .then()
                .statusCode(200)
                .extract()
                .path("items.type");
    }

    private String token() {
        return GatewayTokens.user(org, user, Roles.USER);
    }

    private long attemptsOf(String messageId) {
        return new TestDatabase(dataSource)
                .count(
                        "select count(*) from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id"
                                + " where d.message_id = ?",
                        messageId);
    }

    private boolean messageExists(String messageId) {
        return new TestDatabase(dataSource).count("select count(*) from webhook_message where id = ?", messageId) > 0;
    }

    private long emailsOf(String cause) {
        return new TestDatabase(dataSource)
                .count("select count(*) from email_message where source_event_id = ? and status = 'sent'", cause);
    }
}
