package dev.attest.compliance.rest;

import static dev.attest.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.compliance.support.TenantEvents;
import dev.attest.compliance.support.TestOrg;
import dev.attest.contracts.EventTypes;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TenantEventData;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 in compliance-service: no new provider inquiry for an organization the gateway announced suspended, and
 * an organization-deleted event erases its sealed provider settings.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class SuspensionAndErasureTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSuspendedOrganizationStartsNoVerificationUntilReactivated() {
        TestOrg org = TestOrg.create("none");
        OffsetDateTime t0 = OffsetDateTime.now().minusMinutes(5);
        organization(EventTypes.Tenant.ORGANIZATION_CREATED, org.id(), null, t0);
        organization(EventTypes.Tenant.ORGANIZATION_UPDATED, org.id(), true, t0.plusMinutes(1));
        waitFor("the replica knows the suspension")
                .until(() -> sql().count(
                                        "select count(*) from attest_tenant_organization where org_id = ? and suspended",
                                        org.id())
                        == 1);

        Response refused = KycFlowTest.start(org, "user-" + UUID.randomUUID());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).isEqualTo("https://attest.dev/problems/suspended");
        assertThat(sql().count("select count(*) from kyc_case where org_id = ?", org.id()))
                .isZero();

        organization(EventTypes.Tenant.ORGANIZATION_UPDATED, org.id(), false, t0.plusMinutes(2));
        waitFor("the replica knows the reactivation")
                .until(() -> sql().count(
                                        "select count(*) from attest_tenant_organization where org_id = ? and not suspended",
                                        org.id())
                        == 1);
        assertThat(KycFlowTest.start(org, "user-" + UUID.randomUUID()).statusCode())
                .isBetween(200, 201);
    }

    @Test
    void aDeletedOrganizationsProviderSettingsAreErased() {
        TestOrg org = TestOrg.create("none");
        TestOrg kept = TestOrg.create("none");
        assertThat(sql().count("select count(*) from persona_settings where org_id = ?", org.id()))
                .isEqualTo(1);

        TenantEvents.send(
                "evt-" + UUID.randomUUID(),
                EventTypes.Tenant.ORGANIZATION_DELETED,
                org.id(),
                OffsetDateTime.now(),
                Map.of("org_id", org.id(), "slug", "slug-" + org.id()));

        waitFor("the settings erased")
                .until(() -> sql().count("select count(*) from persona_settings where org_id = ?", org.id()) == 0);
        assertThat(sql().count("select count(*) from persona_settings where org_id = ?", kept.id()))
                .isEqualTo(1);
    }

    private static void organization(String type, String orgId, Boolean suspended, OffsetDateTime at) {
        Map<String, Object> data = new HashMap<>(TenantEventData.organization(orgId, "slug-" + orgId));
        if (suspended != null) {
            data.put("suspended", suspended);
        }
        TenantEvents.send("evt-" + UUID.randomUUID(), type, orgId, at, data);
    }

    private TestDatabase sql() {
        return new TestDatabase(dataSource);
    }
}
