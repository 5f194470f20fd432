package dev.attest.common.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.common.events.Topics;
import dev.attest.common.testapp.Notes;
import dev.attest.contracts.EventTypes;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TenantEventData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The replica's suspension flags (issue 20): set and cleared by the events that state {@code suspended}, kept by
 * those that do not (a change of name), and an organization-deleted event forgets the organization and its projects.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class TenantSuspensionReplicaTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Tenants tenants;

    @Inject
    Notes notes;

    private final EventPublisher events = new EventPublisher();

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void suspensionIsSetByTheEventsThatStateItAndKeptByTheOthers() {
        String org = UUID.randomUUID().toString();
        String project = UUID.randomUUID().toString();
        OffsetDateTime t0 = OffsetDateTime.now().minusMinutes(10);
        organization(EventTypes.Tenant.ORGANIZATION_CREATED, org, null, t0);
        project(EventTypes.Tenant.PROJECT_CREATED, org, project, null, t0);
        project(EventTypes.Tenant.PROJECT_UPDATED, org, project, true, t0.plusMinutes(1));
        await(() -> tenants.suspended(org, project));
        assertThat(tenants.suspended(org, null)).as("the organization").isFalse();

        // a change that does not state it keeps it
        project(EventTypes.Tenant.PROJECT_UPDATED, org, project, null, t0.plusMinutes(2));
        organization(EventTypes.Tenant.ORGANIZATION_UPDATED, org, true, t0.plusMinutes(2));
        await(() -> tenants.suspended(org, null));
        assertThat(tenants.suspended(org, project)).isTrue();

        organization(EventTypes.Tenant.ORGANIZATION_UPDATED, org, false, t0.plusMinutes(3));
        project(EventTypes.Tenant.PROJECT_UPDATED, org, project, false, t0.plusMinutes(3));
        await(() -> !tenants.suspended(org, project));
        assertThat(tenants.suspended(org, null)).isFalse();
        assertThat(tenants.suspended(UUID.randomUUID().toString(), null))
                .as("unknown")
                .isFalse();
    }

    @Test
    void aDeletedOrganizationIsForgotten() {
        String org = UUID.randomUUID().toString();
        String project = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now();
        organization(EventTypes.Tenant.ORGANIZATION_CREATED, org, null, now);
        project(EventTypes.Tenant.PROJECT_CREATED, org, project, null, now);
        await(() -> tenants.project(org, project).isPresent());

        events.event(
                        Topics.TENANT,
                        EventTypes.Tenant.ORGANIZATION_DELETED,
                        org,
                        org,
                        Map.of("org_id", org, "slug", "slug-" + org))
                .time(now.plusSeconds(1))
                .send();
        await(() -> tenants.organization(org).isEmpty());

        assertThat(tenants.project(org, project)).isEmpty();
        assertThat(notes.count("select count(*) from attest_tenant_project where org_id = ?", org))
                .isZero();
    }

    private void organization(String type, String orgId, Boolean suspended, OffsetDateTime at) {
        Map<String, Object> data = new HashMap<>(TenantEventData.organization(orgId, "slug-" + orgId));
        if (suspended != null) {
            data.put("suspended", suspended);
        }
        events.event(Topics.TENANT, type, orgId, orgId, data).time(at).send();
    }

    private void project(String type, String orgId, String projectId, Boolean suspended, OffsetDateTime at) {
        Map<String, Object> data =
                new HashMap<>(TenantEventData.project(orgId, projectId, "persona", "ethereum-sepolia"));
        if (suspended != null) {
            data.put("suspended", suspended);
        }
        events.event(Topics.TENANT, type, orgId, orgId, data).time(at).send();
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
