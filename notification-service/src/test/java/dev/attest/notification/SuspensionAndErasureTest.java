package dev.attest.notification;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.common.events.Topics;
import dev.attest.common.security.Roles;
import dev.attest.common.tenant.OrganizationErasure.Erasure;
import dev.attest.contracts.EventTypes;
import dev.attest.notification.support.Mailbox;
import dev.attest.notification.support.Receiver;
import dev.attest.notification.support.Receiver.Answer;
import dev.attest.notification.support.SmtpRelayResource;
import dev.attest.notification.support.Tenants;
import dev.attest.notification.support.TestClock;
import dev.attest.notification.support.WebhookApi;
import dev.attest.notification.webhook.DeliveryWorker;
import dev.attest.testing.EventData;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TenantEventData;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 in notification-service: no webhook request to the endpoints of a suspended organization or project (the
 * deliveries wait, counting no attempt, and go out after the reactivation) while its admins still get their alerts;
 * an organization-deleted event erases the organization's endpoints and their secrets, its messages, deliveries and
 * attempts, its admins' addresses, its users' projects, its notifications and its emails, and nothing of another.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(SmtpRelayResource.class)
@WithTestResource(GatewayTokens.class)
class SuspensionAndErasureTest {
    @Inject
    DeliveryWorker worker;

    @Inject
    TestClock clock;

    @Inject
    Tenants tenants;

    @Inject
    dev.attest.common.tenant.Tenants replica;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Instance<Erasure> erasures;

    private final List<WebhookApi> apis = new ArrayList<>();
    private final List<Receiver> receivers = new ArrayList<>();
    private EventPublisher events;

    @BeforeEach
    void setUp() {
        events = new EventPublisher();
    }

    @AfterEach
    void tearDown() {
        // Endpoints outlive the test; deleted, their pending deliveries cannot reach a later test's receiver that
        // happens to get the same port. Those of a deleted organization are gone already (its projects: 404).
        for (WebhookApi api : apis) {
            var listed = api.get("").extract();
            if (listed.statusCode() == 200) {
                List<String> ids = listed.path("id");
                ids.forEach(api::delete);
            }
        }
        receivers.forEach(Receiver::close);
        events.close();
    }

    @Test
    void aSuspendedProjectsDeliveryWaitsWithoutAnAttemptAndArrivesOnceItIsReactivated() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String project = "prj-" + UUID.randomUUID();
        String other = "prj-" + UUID.randomUUID();
        tenants.seed(events, org, project, "admin-of-" + org, "admin-" + UUID.randomUUID() + "@example.com");
        tenants.addProject(events, org, other);
        Receiver receiver = receiver();
        String suspendedEndpoint = endpoint(org, project, receiver.url("/suspended"))[0];
        String activeEndpoint = endpoint(org, other, receiver.url("/active"))[0];

        project(org, project, true);
        waitFor("the replica knows the project's suspension").until(() -> replica.suspended(org, project));

        String user = "user-" + UUID.randomUUID();
        events.send(
                Topics.KYC,
                EventTypes.Kyc.CASE_OPENED,
                org,
                org + ":" + user,
                EventData.kycCaseOpened("case-" + UUID.randomUUID(), user, project));
        String otherUser = "user-" + UUID.randomUUID();
        events.send(
                Topics.KYC,
                EventTypes.Kyc.CASE_OPENED,
                org,
                org + ":" + otherUser,
                EventData.kycCaseOpened("case-" + UUID.randomUUID(), otherUser, other));
        waitFor("a delivery to each project's endpoint")
                .until(() -> deliveriesTo(suspendedEndpoint) == 1 && deliveriesTo(activeEndpoint) == 1);

        // The other project of the organization is not suspended: its delivery goes out meanwhile.
        waitFor("the other project's delivery")
                .until(
                        () -> {
                            worker.deliverDue();
                            return receiver.requests("/active").size();
                        },
                        n -> n == 1);
        assertThat(receiver.requests("/suspended")).isEmpty();

        // Past the lease and the whole retry schedule: still nothing sent, nothing failed, no attempt counted.
        clock.advance(Duration.ofDays(2));
        worker.deliverDue();
        assertThat(receiver.requests("/suspended")).isEmpty();
        assertThat(delivery(suspendedEndpoint))
                .containsEntry("status", "pending")
                .containsEntry("attempts", 0);
        assertThat(attemptsTo(suspendedEndpoint)).isZero();

        project(org, project, false);
        waitFor("the replica knows the reactivation").until(() -> !replica.suspended(org, project));
        waitFor("the waiting delivery once the project is reactivated")
                .until(
                        () -> {
                            worker.deliverDue();
                            return receiver.requests("/suspended").size();
                        },
                        n -> n == 1);

        assertThat(receiver.requests("/suspended").get(0).body()).contains(user);
        waitFor("the delivery recorded").until(() -> delivery(suspendedEndpoint).get("status"), "succeeded"::equals);
        assertThat(delivery(suspendedEndpoint)).containsEntry("attempts", 1);
        assertThat(attemptsTo(suspendedEndpoint)).isEqualTo(1);
        assertThat(receiver.requests("/active")).hasSize(1);
    }

    @Test
    void aSuspendedOrganizationsAdminsStillGetAnIncidentByEmailAndInAppWhileItsWebhookWaits() throws Exception {
        // The schema of incidents wants uuids for the organization and the project.
        String org = UUID.randomUUID().toString();
        String project = UUID.randomUUID().toString();
        String admin = "admin-of-" + org;
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        tenants.seed(events, org, project, admin, adminEmail);
        Receiver receiver = receiver();
        String endpoint = endpoint(org, project, receiver.url("/hooks"))[0];

        organization(org, true);
        waitFor("the replica knows the organization's suspension").until(() -> replica.suspended(org, null));

        String incident = UUID.randomUUID().toString();
        events.send(
                Topics.SECURITY, EventTypes.Security.INCIDENT_OPENED, org, incident, incident(incident, org, project));

        waitFor("the incident's email to the admin").until(() -> Mailbox.to(adminEmail), mails -> mails.size() == 1);
        List<String> inApp = given().auth()
                .oauth2(GatewayTokens.user(org, admin, Roles.ORG_ADMIN))
                .get("/notifications/me")
                .then()
                .statusCode(200)
                .extract()
                .path("items.type");
        assertThat(inApp).containsExactly("security.incident-opened");
        // The email, the in-app notification and the webhook message are written in the event's one transaction.
        assertThat(deliveriesTo(endpoint)).isEqualTo(1);

        worker.deliverDue();
        clock.advance(Duration.ofHours(1));
        worker.deliverDue();
        assertThat(receiver.requests()).isEmpty();
        assertThat(delivery(endpoint)).containsEntry("status", "pending").containsEntry("attempts", 0);

        organization(org, false);
        waitFor("the replica knows the reactivation").until(() -> !replica.suspended(org, null));
        waitFor("the incident at the endpoint once the organization is reactivated")
                .until(
                        () -> {
                            worker.deliverDue();
                            return receiver.requests().size();
                        },
                        n -> n == 1);
        assertThat(receiver.requests().get(0).body()).contains(incident);
        waitFor("the delivery recorded").until(() -> delivery(endpoint).get("status"), "succeeded"::equals);
        assertThat(delivery(endpoint)).containsEntry("attempts", 1);
    }

    @Test
    void aDeletedOrganizationsEndpointsMessagesAdminsNotificationsAndEmailsAreErasedAndNothingOfAnother()
            throws Exception {
        Seeded deleted = seedWithEverything();
        Seeded kept = seedWithEverything();
        Map<String, Long> deletedBefore = rowsOf(deleted);
        Map<String, Long> keptBefore = rowsOf(kept);
        assertThat(deletedBefore)
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
        assertThat(keptBefore)
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());

        events.send(
                Topics.TENANT,
                EventTypes.Tenant.ORGANIZATION_DELETED,
                deleted.org,
                deleted.org,
                Map.of("org_id", deleted.org, "slug", "slug-" + deleted.org));

        waitFor("the deleted organization's rows erased")
                .until(() -> rowsOf(deleted), rows -> rows.values().stream().allMatch(n -> n == 0));
        assertThat(rowsOf(kept)).isEqualTo(keptBefore);
        // Personal data nowhere in the service's tables any more (the kept organization's: still there).
        assertThat(sql().rowsContaining(deleted.adminEmail)).isZero();
        assertThat(sql().rowsContaining(deleted.user)).isZero();
        assertThat(sql().rowsContaining(kept.adminEmail)).isPositive();
        assertThat(sql().rowsContaining(kept.user)).isPositive();

        // What was waiting for the deleted organization's endpoint is never sent.
        clock.advance(Duration.ofHours(1));
        worker.deliverDue();
        assertThat(deleted.receiver.requests()).hasSize(1);
        assertThat(kept.receiver.requests()).hasSize(2);
    }

    /**
     * Common runs the erasures in no defined order: each statement is safe alone (no foreign key stops it), in the
     * order the deletion above used and in the reverse one, each in a transaction of its own.
     */
    @Test
    void eachErasureIsSafeAloneWhateverTheOrder() throws Exception {
        List<Erasure> inOrder = erasures.stream().toList();
        assertThat(inOrder)
                .extracting(Erasure::kind)
                .containsExactlyInAnyOrder(
                        "webhook_endpoint",
                        "webhook_message",
                        "org_admin",
                        "user_project",
                        "notification",
                        "email_message");
        List<Erasure> reversed = new ArrayList<>(inOrder);
        Collections.reverse(reversed);
        for (List<Erasure> order : List.of(inOrder, reversed)) {
            Seeded seeded = seedWithEverything();
            for (Erasure erasure : order) {
                sql().update(erasure.statement(), seeded.org);
            }
            Map<String, Long> left = rowsOf(seeded);
            left.remove("attest_tenant_project"); // the replica's, which common's consumer forgets
            assertThat(left)
                    .as(
                            "erased in the order %s",
                            order.stream().map(Erasure::kind).toList())
                    .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        }
    }

    /** An organization with an admin, an endpoint, a message whose delivery failed once, a user and an alert. */
    private record Seeded(
            String org, String project, String adminEmail, String user, String endpoint, Receiver receiver) {}

    private Seeded seedWithEverything() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String project = "prj-" + UUID.randomUUID();
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        String user = "user-" + UUID.randomUUID();
        tenants.seed(events, org, project, "admin-of-" + org, adminEmail);
        Receiver receiver = receiver().thenAnswer(Answer.of(500));
        String endpoint = endpoint(org, project, receiver.url("/hooks"))[0];

        // The user's KYC case: their project, an in-app notification, a webhook message and its delivery.
        events.send(
                Topics.KYC,
                EventTypes.Kyc.CASE_OPENED,
                org,
                org + ":" + user,
                EventData.kycCaseOpened("case-" + UUID.randomUUID(), user, project));
        // The admins' alert: an email and an in-app notification.
        events.send(
                Topics.KYC,
                EventTypes.Kyc.PROVIDER_CREDENTIALS_REJECTED,
                org,
                org,
                Map.of("provider", "persona", "operation", "create-inquiry", "status_code", 401));
        waitFor("the case's delivery, notification and project of the user")
                .until(() -> deliveriesTo(endpoint) == 1
                        && count("select count(*) from user_project where org_id = ?", org) == 1
                        && count("select count(*) from notification where org_id = ? and user_id = ?", org, user) == 1);
        waitFor("the alert's email and notification")
                .until(() -> count("select count(*) from email_message where org_id = ?", org) == 1
                        && count(
                                        "select count(*) from notification where org_id = ? and user_id = ?",
                                        org,
                                        "admin-of-" + org)
                                == 1);
        // One failed attempt: the delivery stays pending (due again in 5 s on the test clock, which stands still).
        waitFor("the first attempt")
                .until(
                        () -> {
                            worker.deliverDue();
                            return attemptsTo(endpoint);
                        },
                        n -> n == 1);
        assertThat(delivery(endpoint)).containsEntry("status", "pending");
        return new Seeded(org, project, adminEmail, user, endpoint, receiver);
    }

    /** The organization's rows, per table (the deliveries, attempts and buckets by its endpoint). */
    private Map<String, Long> rowsOf(Seeded seeded) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : List.of(
                "webhook_endpoint", "webhook_message", "org_admin", "user_project", "notification", "email_message")) {
            rows.put(table, count("select count(*) from " + table + " where org_id = ?", seeded.org));
        }
        rows.put("webhook_delivery", deliveriesTo(seeded.endpoint));
        rows.put("webhook_attempt", attemptsTo(seeded.endpoint));
        rows.put(
                "webhook_rate_bucket",
                count("select count(*) from webhook_rate_bucket where endpoint_id = ?::uuid", seeded.endpoint));
        rows.put(
                "attest_tenant_project",
                count("select count(*) from attest_tenant_project where org_id = ?", seeded.org));
        return rows;
    }

    private Receiver receiver() throws Exception {
        Receiver receiver = new Receiver();
        receivers.add(receiver);
        return receiver;
    }

    /** An endpoint of the project for every event type; its id and secret. */
    private String[] endpoint(String org, String project, String url) {
        WebhookApi api = new WebhookApi(org, project);
        apis.add(api);
        return api.createEndpoint(Map.of("url", url));
    }

    private void organization(String org, boolean suspended) {
        Map<String, Object> data = new HashMap<>(TenantEventData.organization(org, "slug-" + org));
        data.put("suspended", suspended);
        events.send(Topics.TENANT, EventTypes.Tenant.ORGANIZATION_UPDATED, org, org, data);
    }

    private void project(String org, String project, boolean suspended) {
        Map<String, Object> data = new HashMap<>(TenantEventData.project(org, project, "persona", "ethereum-sepolia"));
        data.put("suspended", suspended);
        events.send(Topics.TENANT, EventTypes.Tenant.PROJECT_UPDATED, org, org, data);
    }

    /** The data of {@code attest.security.incident-opened.v1} for one project. */
    private static Map<String, Object> incident(String incidentId, String org, String project) {
        Map<String, Object> data = new HashMap<>();
        data.put("incident_id", incidentId);
        data.put("detector", "cross-tenant");
        data.put("severity", "critical");
        data.put("summary", "Requests with API keys of another organization were refused.");
        data.put("org_id", org);
        data.put("project_id", project);
        data.put("signal_count", 12);
        data.put("opened_at", "2026-01-01T09:30:00Z");
        return data;
    }

    private long deliveriesTo(String endpoint) {
        return count("select count(*) from webhook_delivery where endpoint_id = ?::uuid", endpoint);
    }

    private long attemptsTo(String endpoint) {
        return count(
                "select count(*) from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id"
                        + " where d.endpoint_id = ?::uuid",
                endpoint);
    }

    /** The endpoint's only delivery: its status and attempts. */
    private Map<String, Object> delivery(String endpoint) {
        return Map.of(
                "status",
                sql().scalar("select status from webhook_delivery where endpoint_id = ?::uuid", endpoint),
                "attempts",
                sql().scalar("select attempts from webhook_delivery where endpoint_id = ?::uuid", endpoint));
    }

    private long count(String query, Object... parameters) {
        return sql().count(query, parameters);
    }

    private TestDatabase sql() {
        return new TestDatabase(dataSource);
    }
}
