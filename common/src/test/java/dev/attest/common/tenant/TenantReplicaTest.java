package dev.attest.common.tenant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.attest.common.events.Topics;
import dev.attest.common.problem.Problem;
import dev.attest.common.security.Roles;
import dev.attest.common.testapp.Notes;
import dev.attest.common.testapp.ObservedTenantEvents;
import dev.attest.contracts.EventTypes;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TenantEventData;
import dev.attest.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tenant replica, turned on in the test application as the services that keep it turn it on. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class TenantReplicaTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Tenants tenants;

    @Inject
    Notes notes;

    /** Publishes as the gateway's outbox does; one per test. */
    private final EventPublisher events = new EventPublisher();

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void eachEventAppliesOnceAndAnOlderOneNeverOverwritesANewerOne() {
        String org = UUID.randomUUID().toString();
        String project = UUID.randomUUID().toString();
        OffsetDateTime t0 = OffsetDateTime.now().minusMinutes(10);
        String newest = "evt-" + UUID.randomUUID();
        organization("evt-" + UUID.randomUUID(), EventTypes.Tenant.ORGANIZATION_CREATED, org, "first-" + org, t0);
        organization(newest, EventTypes.Tenant.ORGANIZATION_UPDATED, org, "newest-" + org, t0.plusMinutes(2));
        organization(
                "evt-" + UUID.randomUUID(),
                EventTypes.Tenant.ORGANIZATION_UPDATED,
                org,
                "older-" + org,
                t0.plusMinutes(1));
        organization(newest, EventTypes.Tenant.ORGANIZATION_UPDATED, org, "newest-" + org, t0.plusMinutes(2));
        project(EventTypes.Tenant.PROJECT_CREATED, org, org, project, "ethereum-sepolia", t0.plusMinutes(2));
        project(EventTypes.Tenant.PROJECT_UPDATED, org, org, project, "polygon-amoy", t0.plusMinutes(1));
        // Same key, same partition: once this one is applied, every event before it was consumed.
        String marker = UUID.randomUUID().toString();
        project(EventTypes.Tenant.PROJECT_CREATED, org, org, marker, "ethereum", OffsetDateTime.now());
        await(() -> tenants.project(org, marker).isPresent());

        assertThat(tenants.organization(org))
                .contains(new TenantOrganization(org, "newest-" + org, "Org newest-" + org));
        assertThat(tenants.orgIdOfSlug("older-" + org)).isEmpty();
        assertThat(tenants.project(org, project))
                .contains(new TenantProject(project, org, "Project", "sandbox", "persona", "ethereum-sepolia", null));
        assertThat(notes.count(
                        "select count(*) from attest_inbox where consumer = ? and event_id = ?",
                        TenantEventsConsumer.INBOX_CONSUMER,
                        newest))
                .isEqualTo(1);
        // The service's observers see every tenant event once, the redelivered one too.
        assertThat(ObservedTenantEvents.SEEN.get(newest)).containsExactly(EventTypes.Tenant.ORGANIZATION_UPDATED);
    }

    @Test
    void anOrganizationIsNamedByItsIdOrItsSlugAndAProjectBelongsToItsOwn() {
        String org = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String project = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now();
        organization("evt-" + UUID.randomUUID(), EventTypes.Tenant.ORGANIZATION_CREATED, other, "other-" + org, now);
        organization("evt-" + UUID.randomUUID(), EventTypes.Tenant.ORGANIZATION_CREATED, org, "acme-" + org, now);
        project(EventTypes.Tenant.PROJECT_CREATED, org, org, project, "ethereum", now);
        await(() -> tenants.project(org, project).isPresent()
                && tenants.organization(other).isPresent());

        assertThat(tenants.orgIdOf("acme-" + org)).isEqualTo(org);
        assertThat(tenants.orgIdOf(org)).isEqualTo(org);
        assertThat(tenants.orgIdOf("unknown-" + org)).as("taken as an id").isEqualTo("unknown-" + org);
        assertThat(tenants.names("acme-" + org, org)).isTrue();
        assertThat(tenants.names("other-" + org, org)).isFalse();
        assertThat(tenants.project(other, project))
                .as("another organization's project")
                .isEmpty();
        assertThat(tenants.project(org, null)).isEmpty();
        assertThat(tenants.orgIdOf("x".repeat(1000))).isEqualTo("x".repeat(1000));

        // Caller.ownOrg: the caller's organization by id, by the token's slug, or by the slug the replica knows.
        String admin = GatewayTokens.user(org, "admin", Roles.ORG_ADMIN);
        for (String path : List.of(org, "acme-" + org)) {
            given().auth()
                    .oauth2(admin)
                    .get("/test/whoami/orgs/" + path)
                    .then()
                    .statusCode(200)
                    .body("org_id", equalTo(org));
        }
        given().auth()
                .oauth2(GatewayTokens.user(org, "from-the-token", "admin", new String[] {Roles.ORG_ADMIN}))
                .get("/test/whoami/orgs/from-the-token")
                .then()
                .statusCode(200)
                .body("org_id", equalTo(org));
        for (String path : List.of(other, "other-" + org, "y".repeat(1000))) {
            given().auth()
                    .oauth2(admin)
                    .get("/test/whoami/orgs/" + path)
                    .then()
                    .statusCode(404)
                    .contentType(Problem.MEDIA_TYPE);
        }
    }

    @Test
    void dataNamingAnotherOrganizationThanItsEnvelopeGoesToTheDeadLetterTopic() {
        String org = UUID.randomUUID().toString();
        String project = UUID.randomUUID().toString();
        try (TopicReader deadLetters = TopicReader.of(Topics.deadLetter(Topics.TENANT))) {
            project(
                    EventTypes.Tenant.PROJECT_CREATED,
                    org,
                    "org-" + UUID.randomUUID(),
                    project,
                    "x",
                    OffsetDateTime.now());
            String marker = UUID.randomUUID().toString();
            project(EventTypes.Tenant.PROJECT_CREATED, org, org, marker, "ethereum", OffsetDateTime.now());
            await(() -> tenants.project(org, marker).isPresent());

            assertThat(deadLetters.readUntil(records -> records.stream().anyMatch(r -> org.equals(r.key())), WAIT))
                    .anyMatch(r -> org.equals(r.key()));
        }
        assertThat(notes.count("select count(*) from attest_tenant_project where project_id = ?", project))
                .isZero();
    }

    private void organization(String eventId, String type, String orgId, String slug, OffsetDateTime at) {
        events.event(Topics.TENANT, type, orgId, orgId, TenantEventData.organization(orgId, slug))
                .id(eventId)
                .time(at)
                .send();
    }

    private void project(
            String type, String envelopeOrg, String dataOrg, String projectId, String network, OffsetDateTime at) {
        events.event(
                        Topics.TENANT,
                        type,
                        envelopeOrg,
                        envelopeOrg,
                        TenantEventData.project(dataOrg, projectId, "persona", network))
                .time(at)
                .send();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within " + WAIT).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
