package dev.attest.notification;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.attest.common.events.Topics;
import dev.attest.common.security.Roles;
import dev.attest.contracts.EventTypes;
import dev.attest.notification.repository.EmailMessageRepository;
import dev.attest.notification.service.EmailWorker;
import dev.attest.notification.support.Mailbox;
import dev.attest.notification.support.SmtpRelayResource;
import dev.attest.notification.support.Tenants;
import dev.attest.notification.support.TestClock;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Critical admin alerts for rejected provider credentials, and what an SMTP outage does to admin email. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(SmtpRelayResource.class)
@WithTestResource(GatewayTokens.class)
class AdminAlertEmailTest {
    @Inject
    Tenants tenants;

    @Inject
    TestClock clock;

    @Inject
    EmailWorker emailWorker;

    @Inject
    EmailMessageRepository emails;

    private final String org = "org-" + UUID.randomUUID();
    private final String project = "prj-" + UUID.randomUUID();
    private final String admin = "admin-of-" + org;
    private final String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
    private EventPublisher events;

    @BeforeEach
    void setUp() {
        events = new EventPublisher();
        tenants.seed(events, org, project, admin, adminEmail);
    }

    @AfterEach
    void tearDown() {
        SmtpRelayResource.relay().restore();
        events.close();
    }

    @Test
    void rejectedPersonaAndDfnsCredentialsAlertTheAdminsByEmailAndInAppOncePerEvent() throws Exception {
        String persona = UUID.randomUUID().toString();
        Map<String, Object> personaData =
                Map.of("provider", "persona", "operation", "create-inquiry", "status_code", 401);
        events.event(Topics.KYC, EventTypes.Kyc.PROVIDER_CREDENTIALS_REJECTED, org, org, personaData)
                .id(persona)
                .send();
        events.event(Topics.KYC, EventTypes.Kyc.PROVIDER_CREDENTIALS_REJECTED, org, org, personaData)
                .id(persona)
                .send();
        events.send(
                Topics.WALLET,
                EventTypes.Wallet.PROVIDER_CREDENTIALS_REJECTED,
                org,
                org,
                Map.of("provider", "dfns", "operation", "create-wallet", "status_code", 403));

        List<MimeMessage> mails = waitFor("two alerts").until(() -> Mailbox.to(adminEmail), m -> m.size() == 2);
        assertThat(mails)
                .extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder(
                        "[Attest] Persona rejected your credentials", "[Attest] Dfns rejected your credentials");
        String personaMail = text(mails.stream()
                .filter(m -> subject(m).contains("Persona"))
                .findFirst()
                .orElseThrow());
        assertThat(personaMail).contains("401").contains("create-inquiry");

        given().auth()
                .oauth2(GatewayTokens.user(org, admin, Roles.ORG_ADMIN))
                .get("/notifications/me")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.type", equalTo(List.of("provider.credentials-rejected", "provider.credentials-rejected")));

        // A marker behind the redelivered copy (same topic and key) shows the copy was consumed, and alerted nobody.
        events.send(
                Topics.KYC,
                EventTypes.Kyc.PROVIDER_CREDENTIALS_REJECTED,
                org,
                org,
                Map.of("provider", "persona", "operation", "check-credentials", "status_code", 401));
        waitFor("the marker alert").until(() -> Mailbox.to(adminEmail), m -> m.size() == 3);
        assertThat(Mailbox.to(adminEmail).stream().filter(m -> text(m).contains("create-inquiry")))
                .hasSize(1);
    }

    @Test
    void aRejectionWithoutProviderGoesToTheDeadLetterTopicAndAlertsNobody() {
        String marker = "poison-" + UUID.randomUUID();
        try (TopicReader dead = TopicReader.of(Topics.deadLetter(Topics.WALLET))) {
            events.event(
                            Topics.WALLET,
                            EventTypes.Wallet.PROVIDER_CREDENTIALS_REJECTED,
                            org,
                            marker,
                            Map.of("operation", "create-wallet", "status_code", 401))
                    .sendMalformed();
            var records =
                    dead.readUntil(r -> r.stream().anyMatch(rec -> marker.equals(rec.key())), Duration.ofSeconds(30));
            assertThat(records.stream().filter(rec -> marker.equals(rec.key()))).hasSize(1);
        }
        assertThat(Mailbox.to(adminEmail)).isEmpty();
        assertThat(emailsOfOrg()).isEmpty();
    }

    @Test
    void whileSmtpIsDownTheSendIsRecordedFailedAndRetriedWithBackoffThenDeliveredOnce() throws Exception {
        SmtpRelayResource.relay().cut();
        String eventId = events.send(
                Topics.WALLET,
                EventTypes.Wallet.PROVIDER_CREDENTIALS_REJECTED,
                org,
                org,
                Map.of("provider", "dfns", "operation", "list-wallets", "status_code", 401));

        Instant firstTry = clock.instant();
        var failed = waitFor("a failed send")
                .until(this::emailsOfOrg, e -> e.size() == 1 && e.get(0).attempts == 1)
                .get(0);
        assertThat(failed.status).isEqualTo("pending");
        assertThat(failed.lastError).isNotBlank();
        assertThat(failed.sourceEventId).isEqualTo(eventId);
        assertThat(failed.nextAttemptAt).isEqualTo(firstTry.plusSeconds(10)); // the first backoff step

        // Not before it is due, then once more at the due time: still down, so the next step is longer.
        clock.advance(Duration.ofSeconds(9));
        emailWorker.sendDue();
        assertThat(emailsOfOrg().get(0).attempts).isEqualTo(1);
        Instant secondTry = clock.advance(Duration.ofSeconds(1));
        waitFor("the second, failing, attempt")
                .until(
                        () -> {
                            emailWorker.sendDue();
                            return emailsOfOrg().get(0).attempts;
                        },
                        n -> n == 2);
        assertThat(emailsOfOrg().get(0).nextAttemptAt).isEqualTo(secondTry.plus(Duration.ofMinutes(1)));
        assertThat(Mailbox.to(adminEmail)).isEmpty();

        SmtpRelayResource.relay().restore();
        // Driven here as the attempts above: the background runner may be backing off after the failed passes. The
        // first attempt after SMTP is back may still fail (the mail client can hold a connection from before the
        // outage; it failed once in CI after 30 s): the schedule then retries it, and the clock is moved to that
        // retry, as time would pass.
        waitFor("the email once SMTP is back")
                .until(
                        () -> {
                            Instant due = emailsOfOrg().get(0).nextAttemptAt;
                            if (due != null && due.isAfter(clock.instant())) {
                                clock.advance(Duration.between(clock.instant(), due));
                            }
                            emailWorker.sendDue();
                            return Mailbox.to(adminEmail);
                        },
                        m -> m.size() == 1);
        // GreenMail has the mail as soon as SMTP accepted it; the worker's record commits just after.
        var sent = waitFor("the send recorded").until(() -> emailsOfOrg().get(0), e -> "sent".equals(e.status));
        assertThat(sent.attempts).isGreaterThanOrEqualTo(3);

        // Later passes and a redelivery of the same event send nothing more.
        clock.advance(Duration.ofHours(3));
        emailWorker.sendDue();
        events.event(
                        Topics.WALLET,
                        EventTypes.Wallet.PROVIDER_CREDENTIALS_REJECTED,
                        org,
                        org,
                        Map.of("provider", "dfns", "operation", "list-wallets", "status_code", 401))
                .id(eventId)
                .send();
        events.send(
                Topics.WALLET,
                EventTypes.Wallet.PROVIDER_CREDENTIALS_REJECTED,
                org,
                org,
                Map.of("provider", "dfns", "operation", "marker", "status_code", 401));
        waitFor("the marker alert").until(() -> Mailbox.to(adminEmail), m -> m.size() == 2);
        assertThat(Mailbox.to(adminEmail).stream().filter(m -> text(m).contains("list-wallets")))
                .hasSize(1);
        assertThat(emailsOfOrg()).hasSize(2);
    }

    private List<dev.attest.notification.EmailMessage> emailsOfOrg() {
        return QuarkusTransaction.requiringNew().call(() -> emails.list("orgId = ?1 order by createdAt", org));
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage mail) {
        try {
            return com.icegreen.greenmail.util.GreenMailUtil.getBody(mail);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
