package dev.attest.notification.webhook;

import static dev.attest.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.notification.support.Receiver;
import dev.attest.notification.support.Receiver.Answer;
import dev.attest.notification.support.Signatures;
import dev.attest.notification.support.SmtpRelayResource;
import dev.attest.notification.support.Tenants;
import dev.attest.notification.support.TestClock;
import dev.attest.notification.support.WebhookApi;
import dev.attest.testing.EventData;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.GreenMailResource;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import dev.attest.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outbound webhooks against a real HTTP receiver, with the schedule on a clock the test advances. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(SmtpRelayResource.class)
@WithTestResource(GatewayTokens.class)
class WebhookDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DeliveryWorker worker;

    @Inject
    TestClock clock;

    @Inject
    Tenants tenants;

    @Inject
    AgroalDataSource dataSource;

    private final String org = "org-" + UUID.randomUUID();
    private final String project = "prj-" + UUID.randomUUID();
    private final String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
    private EventPublisher events;
    private Receiver receiver;
    private WebhookApi api;

    @BeforeEach
    void setUp() throws Exception {
        events = new EventPublisher();
        receiver = new Receiver();
        api = new WebhookApi(org, project);
        tenants.seed(events, org, project, "admin-of-" + org, adminEmail);
    }

    @AfterEach
    void tearDown() {
        // Endpoints outlive the test; deleted, their pending deliveries cannot reach a later test's
        // receiver that happens to get the same port.
        List<String> ids = api.get("").extract().path("id");
        ids.forEach(api::delete);
        receiver.close();
        events.close();
    }

    @Test
    void aDomainEventReachesTheProjectsEndpointSignedWithItsSecret() throws Exception {
        String[] endpoint = api.createEndpoint(
                Map.of("url", receiver.url("/hooks"), "event_types", List.of(EventTypes.Kyc.CASE_OPENED)));
        assertThat(endpoint[1]).startsWith("whsec_");
        api.get("/" + endpoint[0]).statusCode(200).body("secret", nullValue());

        String caseId = "case-" + UUID.randomUUID();
        try (TopicReader delivered = TopicReader.of(Topics.NOTIFICATION)) {
            events.send(
                    Topics.KYC,
                    EventTypes.Kyc.CASE_OPENED,
                    org,
                    org + ":user-1",
                    EventData.kycCaseOpened(caseId, "user-1", project));
            waitFor("the webhook at the receiver")
                    .until(
                            () -> {
                                worker.deliverDue();
                                return receiver.requests().size();
                            },
                            n -> n == 1);

            Receiver.Request request = receiver.requests().get(0);
            assertThat(request.header("webhook-id")).startsWith("msg_");
            assertThat(request.header("webhook-timestamp"))
                    .isEqualTo(Long.toString(clock.instant().getEpochSecond()));
            assertThat(Signatures.verifies(request, endpoint[1])).isTrue();
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.path("type").asText()).isEqualTo("attest.kyc.case-opened.v1");
            assertThat(body.path("data").path("case_id").asText()).isEqualTo(caseId);
            assertThat(body.has("timestamp")).isTrue();

            var records = delivered.readUntil(
                    r -> r.stream().anyMatch(rec -> new String(rec.value()).contains(endpoint[0])),
                    Duration.ofSeconds(20));
            assertThat(records.stream()
                            .filter(rec -> new String(rec.value()).contains(endpoint[0]))
                            .map(rec -> new String(
                                    rec.headers().lastHeader("ce_type").value())))
                    .containsExactly("attest.notification.webhook-delivered.v1");
        }
    }

    @Test
    void aReceiverThatFailsThreeTimesThenSucceedsGetsExactlyFourAttemptsOnSchedule() {
        receiver.thenAnswer(Answer.of(500), Answer.of(500), Answer.of(500));
        String endpoint = api.createEndpoint(Map.of("url", receiver.url("/hooks")))[0];
        String messageId = api.sendTest(endpoint);
        Instant start = clock.instant();

        worker.deliverDue();
        assertThat(receiver.requests()).hasSize(1);
        expectAttemptAfter(Duration.ofSeconds(5), 2);
        expectAttemptAfter(Duration.ofMinutes(5), 3);
        expectAttemptAfter(Duration.ofMinutes(30), 4);
        clock.advance(Duration.ofHours(12));
        worker.deliverDue();
        assertThat(receiver.requests()).hasSize(4);

        assertThat(receiver.requests()).extracting(r -> r.header("webhook-id")).containsOnly(messageId);
        api.get("/" + endpoint + "/messages")
                .statusCode(200)
                .body("[0].message_id", equalTo(messageId))
                .body("[0].status", equalTo("succeeded"))
                .body("[0].attempt_log.response_status_code", equalTo(List.of(500, 500, 500, 200)))
                .body(
                        "[0].attempt_log.attempted_at",
                        equalTo(List.of(
                                start.toString(),
                                start.plusSeconds(5).toString(),
                                start.plusSeconds(5 + 300).toString(),
                                start.plusSeconds(5 + 300 + 1800).toString())));
    }

    /** Nothing happens a second before the attempt is due; at the due time exactly one attempt is made. */
    private static com.fasterxml.jackson.databind.JsonNode readJson(byte[] json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void expectAttemptAfter(Duration delay, int attemptsThen) {
        clock.advance(delay.minusSeconds(1));
        worker.deliverDue();
        assertThat(receiver.requests()).hasSize(attemptsThen - 1);
        clock.advance(Duration.ofSeconds(1));
        worker.deliverDue();
        assertThat(receiver.requests()).hasSize(attemptsThen);
    }

    @Test
    void goneDisablesTheEndpointAndTellsItsAdminsByEmailAndInApp() throws Exception {
        receiver.thenAnswer(Answer.of(410));
        String endpoint = api.createEndpoint(Map.of("url", receiver.url("/hooks")))[0];
        try (TopicReader notifications = TopicReader.of(Topics.NOTIFICATION)) {
            api.sendTest(endpoint);
            worker.deliverDue();

            api.get("/" + endpoint)
                    .statusCode(200)
                    .body("enabled", equalTo(false))
                    .body("disabled_reason", equalTo("the endpoint answered 410 Gone"));
            var records = notifications.readUntil(
                    r -> r.stream()
                                    .filter(rec -> new String(rec.value()).contains(endpoint))
                                    .count()
                            >= 2,
                    Duration.ofSeconds(20));
            var ofEndpoint = records.stream()
                    .filter(rec -> new String(rec.value()).contains(endpoint))
                    .toList();
            // One key per endpoint: the failure, then the disabling, in the order they were committed.
            assertThat(ofEndpoint.stream().map(rec -> TopicReader.header(rec, "ce_type")))
                    .containsExactly(
                            "attest.notification.webhook-failed.v1", "attest.notification.endpoint-disabled.v1");
            var failed = readJson(ofEndpoint.get(0).value());
            assertThat(failed.get("reason").asText()).isEqualTo("gone");
            assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        }
        waitFor("the endpoint-disabled email to the admin").until(() -> mailsTo(adminEmail), n -> n == 1);
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(GatewayTokens.user(org, "admin-of-" + org, dev.attest.common.security.Roles.ORG_ADMIN))
                .get("/notifications/me")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].type", equalTo("webhook.endpoint-disabled"));

        // A disabled endpoint gets nothing more until an admin enables it.
        api.sendTestRefused(endpoint);
        clock.advance(Duration.ofMinutes(1));
        worker.deliverDue();
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void anEndpointThatFailsForFiveDaysIsDisabledAndItsAdminsAreEmailed() {
        receiver.thenAnswer(java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> Answer.of(500))
                .toArray(Answer[]::new));
        String endpoint = api.createEndpoint(Map.of("url", receiver.url("/hooks")))[0];
        api.sendTest(endpoint);
        worker.deliverDue(); // the first failure starts the count

        clock.advance(Duration.ofDays(4));
        api.sendTest(endpoint);
        worker.deliverDue();
        api.get("/" + endpoint).body("enabled", equalTo(true));

        clock.advance(Duration.ofDays(1));
        api.sendTest(endpoint);
        worker.deliverDue();
        api.get("/" + endpoint)
                .body("enabled", equalTo(false))
                .body("disabled_reason", equalTo("every delivery failed for 5 days"));
        waitFor("the endpoint-disabled email to the admin").until(() -> mailsTo(adminEmail), n -> n == 1);
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(GatewayTokens.user(org, "admin-of-" + org, dev.attest.common.security.Roles.ORG_ADMIN))
                .get("/notifications/me")
                .then()
                .body("items.type", equalTo(List.of("webhook.endpoint-disabled")));
    }

    @Test
    void aDeliveryLeftByAWorkerThatDiedMidRequestIsRetriedOnceItsLeaseRunsOut() {
        String endpoint = api.createEndpoint(Map.of("url", receiver.url("/hooks")))[0];
        String messageId = api.sendTest(endpoint);
        List<DeliveryWorker.Claim> leased =
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(worker::claimDue); // then "crashes"
        assertThat(leased).extracting(DeliveryWorker.Claim::messageId).contains(messageId);

        worker.deliverDue();
        assertThat(receiver.requests()).isEmpty(); // still leased to the dead worker
        clock.advance(Duration.ofMinutes(1));
        worker.deliverDue();
        assertThat(receiver.requests()).extracting(r -> r.header("webhook-id")).containsExactly(messageId);
        Map<String, Object> delivery =
                api.get("/" + endpoint + "/messages").extract().path("[0]");
        assertThat(delivery).as("the delivery and its attempt log").containsEntry("status", "succeeded");
    }

    @Test
    void aHangingEndpointDoesNotHoldUpDeliveriesToOthersNorTheNextPasses() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (Receiver hanging = new Receiver().holdUntil(release)) {
            String slow = api.createEndpoint(Map.of("url", hanging.url("/slow")))[0];
            String fast = api.createEndpoint(Map.of("url", receiver.url("/fast")))[0];
            api.sendTest(slow);
            api.sendTest(fast);

            worker.runPass(); // the runner's pass: starts the requests, waits for none
            waitFor("the fast endpoint's delivery")
                    .until(() -> receiver.requests("/fast").size(), n -> n == 1);
            waitFor("the request the slow endpoint holds")
                    .until(() -> hanging.requests("/slow").size(), n -> n == 1);

            // While the slow request is still open, the next pass delivers the fast endpoint's next message.
            api.sendTest(fast);
            worker.runPass();
            waitFor("the fast endpoint's second delivery")
                    .until(() -> receiver.requests("/fast").size(), n -> n == 2);
            api.get("/" + slow + "/messages").body("[0].attempts", equalTo(0));

            release.countDown();
            waitFor("the slow endpoint's attempt, once it answers")
                    .until(
                            () -> api.get("/" + slow + "/messages").extract().path("[0].attempts"),
                            n -> Integer.valueOf(1).equals(n));
            assertThat(hanging.requests("/slow")).hasSize(1);
        }
    }

    @Test
    void aBacklogAtOneEndpointDoesNotHoldUpAnotherInTheSamePass() {
        String busy = api.createEndpoint(Map.of("url", receiver.url("/busy")))[0];
        String quiet = api.createEndpoint(Map.of("url", receiver.url("/quiet")))[0];
        for (int i = 0; i < 25; i++) { // more than one pass takes (batch-size 20 in tests)
            api.sendTest(busy);
        }
        clock.advance(Duration.ofSeconds(1)); // the quiet endpoint's message is the newest of all
        String waiting = api.sendTest(quiet);

        worker.deliverDue();
        assertThat(receiver.requests("/quiet"))
                .extracting(r -> r.header("webhook-id"))
                .containsExactly(waiting);
        // The backlog is only buffered: later passes deliver all of it, each message once.
        waitFor("the whole backlog")
                .until(
                        () -> {
                            worker.deliverDue();
                            return receiver.requests("/busy").size();
                        },
                        n -> n == 25);
        assertThat(receiver.requests("/busy"))
                .extracting(r -> r.header("webhook-id"))
                .doesNotHaveDuplicates();
    }

    @Test
    void aResendSendsTheSameMessageAgainUnderItsOwnId() {
        String endpoint = api.createEndpoint(Map.of("url", receiver.url("/hooks")))[0];
        String messageId = api.sendTest(endpoint);
        worker.deliverDue();

        api.post("/" + endpoint + "/messages/" + messageId + "/resend", null).statusCode(202);
        worker.deliverDue();
        assertThat(receiver.requests()).extracting(r -> r.header("webhook-id")).containsExactly(messageId, messageId);
        assertThat(receiver.requests().get(1).body())
                .isEqualTo(receiver.requests().get(0).body());
        api.get("/" + endpoint + "/messages")
                .body("$", hasSize(1))
                .body("[0].status", equalTo("succeeded"))
                .body("[0].attempt_log", hasSize(2));

        api.post("/" + endpoint + "/messages/msg_unknown/resend", null)
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aStoredUrlThatIsNotAllowedIsRefusedAgainAtConnectTime() throws Exception {
        String endpoint = api.createEndpoint(Map.of("url", receiver.url("/hooks")))[0];
        // Written past the API (an older version, an operator): the worker must not trust it.
        assertThat(new TestDatabase(dataSource)
                        .update(
                                "update webhook_endpoint set url = ? where id = ?::uuid",
                                "http://[::ffff:169.254.169.254]:"
                                        + receiver.url("").split(":")[2] + "/latest",
                                endpoint))
                .isEqualTo(1);
        api.sendTest(endpoint);
        worker.deliverDue();

        assertThat(receiver.requests()).isEmpty();
        api.get("/" + endpoint + "/messages")
                .body("[0].status", equalTo("pending"))
                .body("[0].attempt_log[0].succeeded", equalTo(false))
                .body("[0].attempt_log[0].response_status_code", nullValue())
                .body("[0].attempt_log[0].error", containsString("169.254.169.254"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {429, 503})
    void tooManyRequestsOrUnavailableWithRetryAfterPushTheNextAttemptBack(int status) {
        receiver.thenAnswer(new Answer(status, Map.of("Retry-After", "60"), "slow down"));
        String endpoint = api.createEndpoint(Map.of("url", receiver.url("/hooks")))[0];
        api.sendTest(endpoint);
        Instant start = clock.instant();
        worker.deliverDue();

        api.get("/" + endpoint + "/messages")
                .body("[0].status", equalTo("pending"))
                .body("[0].next_attempt_at", equalTo(start.plusSeconds(60).toString()))
                .body("[0].attempt_log[0].response_status_code", equalTo(status))
                .body("[0].attempt_log[0].response_body", equalTo("slow down"));
        clock.advance(Duration.ofSeconds(59));
        worker.deliverDue();
        assertThat(receiver.requests()).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        worker.deliverDue();
        assertThat(receiver.requests()).hasSize(2);
    }

    @Test
    void retryAfterOnAnotherFailureDoesNotChangeTheSchedule() {
        receiver.thenAnswer(new Answer(500, Map.of("Retry-After", "3600"), "broken"));
        String endpoint = api.createEndpoint(Map.of("url", receiver.url("/hooks")))[0];
        api.sendTest(endpoint);
        Instant start = clock.instant();
        worker.deliverDue();

        api.get("/" + endpoint + "/messages")
                .body("[0].next_attempt_at", equalTo(start.plusSeconds(5).toString()));
    }

    @Test
    void theMessageLogShowsEveryAttemptWithItsStatusLatencyAndTruncatedResponse() throws Exception {
        receiver.thenAnswer(new Answer(500, Map.of(), "x".repeat(5000)));
        String endpoint = api.createEndpoint(Map.of("url", receiver.url("/hooks")))[0];
        String messageId = api.sendTest(endpoint);
        worker.deliverDue();
        clock.advance(Duration.ofSeconds(5));
        worker.deliverDue();

        JsonNode test = JSON.readTree(receiver.requests().get(0).body());
        assertThat(test.path("type").asText()).isEqualTo("attest.webhook.test.v1");
        assertThat(test.path("data").path("endpoint_id").asText()).isEqualTo(endpoint);
        api.get("/" + endpoint + "/messages")
                .statusCode(200)
                .body("[0].message_id", equalTo(messageId))
                .body("[0].event_type", equalTo("attest.webhook.test.v1"))
                .body("[0].status", equalTo("succeeded"))
                .body("[0].attempts", equalTo(2))
                .body("[0].attempt_log.succeeded", equalTo(List.of(false, true)))
                .body("[0].attempt_log.response_status_code", equalTo(List.of(500, 200)))
                .body("[0].attempt_log[0].response_body.length()", equalTo(1024))
                .body("[0].attempt_log[1].response_body", equalTo("status 200"))
                .body("[0].attempt_log.latency_ms", everyItem(notNullValue()));
    }

    @Test
    void aRedirectIsAFailureAndIsNotFollowed() {
        receiver.thenAnswer(new Answer(301, Map.of("Location", receiver.url("/internal")), "moved"));
        String endpoint = api.createEndpoint(Map.of("url", receiver.url("/hooks")))[0];
        api.sendTest(endpoint);
        worker.deliverDue();

        assertThat(receiver.requests("/internal")).isEmpty();
        api.get("/" + endpoint + "/messages")
                .body("[0].status", equalTo("pending"))
                .body("[0].attempt_log[0].succeeded", equalTo(false))
                .body("[0].attempt_log[0].response_status_code", equalTo(301));
    }

    @Test
    void theRateLimitBuffersMessagesAndDropsNone() {
        String endpoint = api.createEndpoint(Map.of("url", receiver.url("/hooks"), "rate_limit", 2))[0];
        for (int i = 0; i < 5; i++) {
            api.sendTest(endpoint);
        }
        worker.deliverDue();
        assertThat(receiver.requests()).hasSize(2);
        worker.deliverDue();
        assertThat(receiver.requests()).hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        worker.deliverDue();
        assertThat(receiver.requests()).hasSize(4);
        clock.advance(Duration.ofSeconds(1));
        worker.deliverDue();
        assertThat(receiver.requests()).hasSize(5);
        assertThat(receiver.requests()).extracting(r -> r.header("webhook-id")).doesNotHaveDuplicates();
    }

    @Test
    void theRateLimitBucketIsSharedWithTheOtherInstances() throws Exception {
        String endpoint = api.createEndpoint(Map.of("url", receiver.url("/hooks"), "rate_limit", 2))[0];
        // Another instance has just used up this second's tokens of the endpoint.
        new TestDatabase(dataSource)
                .update(
                        "insert into webhook_rate_bucket (endpoint_id, tokens, refilled_at) values (?::uuid, 0, ?)",
                        endpoint,
                        java.sql.Timestamp.from(clock.instant()));
        api.sendTest(endpoint);
        api.sendTest(endpoint);

        worker.deliverDue();
        assertThat(receiver.requests()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        worker.deliverDue();
        assertThat(receiver.requests()).hasSize(2);
    }

    @Test
    void recoverResendsOnlyTheMessagesThatFailedForGoodWithTheirOriginalIds() {
        String endpoint = api.createEndpoint(Map.of("url", receiver.url("/hooks")))[0];
        Instant since = clock.instant();
        api.sendTest(endpoint);
        worker.deliverDue(); // succeeds

        receiver.thenAnswer(java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> Answer.of(500))
                .toArray(Answer[]::new));
        String failing;
        try (TopicReader outcomes = TopicReader.of(Topics.NOTIFICATION)) {
            failing = api.sendTest(endpoint);
            for (int attempt = 0; attempt < 8; attempt++) {
                worker.deliverDue();
                clock.advance(Duration.ofHours(11));
            }
            byte[] failedForGood = outcomes
                    .readUntil(
                            r -> r.stream()
                                    .anyMatch(rec -> TopicReader.header(rec, "ce_type")
                                                    .equals(EventTypes.Notification.WEBHOOK_FAILED)
                                            && new String(rec.value()).contains(failing)),
                            Duration.ofSeconds(20))
                    .stream()
                    .filter(rec -> new String(rec.value()).contains(failing))
                    .filter(rec -> TopicReader.header(rec, "ce_type").equals(EventTypes.Notification.WEBHOOK_FAILED))
                    .findFirst()
                    .orElseThrow()
                    .value();
            var failed = readJson(failedForGood);
            assertThat(failed.get("reason").asText()).isEqualTo("retries-exhausted");
            assertThat(failed.get("attempts").asInt()).isEqualTo(8);
        }
        assertThat(receiver.requests()).hasSize(9);
        api.get("/" + endpoint + "/messages")
                .body("find { it.message_id == '" + failing + "' }.status", equalTo("failed"))
                .body("findAll { it.status == 'succeeded' }", hasSize(1));

        api.post("/" + endpoint + "/recover", Map.of("since", since.toString()))
                .statusCode(202)
                .body("recovered", equalTo(1));
        worker.deliverDue();
        assertThat(receiver.requests()).hasSize(10);
        assertThat(receiver.requests().get(9).header("webhook-id")).isEqualTo(failing);
    }

    @Test
    void afterARotationBothSecretsSignUntilTheGracePeriodEnds() {
        String[] endpoint = api.createEndpoint(Map.of("url", receiver.url("/hooks")));
        String rotated = api.post("/" + endpoint[0] + "/secret/rotate", null)
                .statusCode(200)
                .extract()
                .path("secret");
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(endpoint[1]);

        api.sendTest(endpoint[0]);
        worker.deliverDue();
        Receiver.Request during = receiver.requests().get(0);
        assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(Signatures.verifies(during, rotated)).isTrue();
        assertThat(Signatures.verifies(during, endpoint[1])).isTrue();

        clock.advance(Duration.ofHours(25));
        api.sendTest(endpoint[0]);
        worker.deliverDue();
        Receiver.Request after = receiver.requests().get(1);
        assertThat(Signatures.verifies(after, rotated)).isTrue();
        assertThat(Signatures.verifies(after, endpoint[1])).isFalse();
    }

    private static long mailsTo(String address) {
        return java.util.Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return java.util.Arrays.stream(m.getAllRecipients())
                                .anyMatch(r -> r.toString().equals(address));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .count();
    }
}
