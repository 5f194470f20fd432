package dev.attest.wallet.rest;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TenantEventData;
import dev.attest.testing.TestDatabase;
import dev.attest.wallet.support.DfnsAccount;
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
 * Issue 20 in wallet-service: no transfer for an organization the gateway announced suspended, and an
 * organization-deleted event erases its sealed Dfns settings.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class SuspensionAndErasureTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSuspendedOrganizationMakesNoTransfer() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        OffsetDateTime t0 = OffsetDateTime.now().minusMinutes(5);
        send(EventTypes.Tenant.ORGANIZATION_CREATED, org.orgId, organization(org.orgId, null), t0);
        send(EventTypes.Tenant.ORGANIZATION_UPDATED, org.orgId, organization(org.orgId, true), t0.plusMinutes(1));
        waitFor("the replica knows the suspension")
                .until(() -> sql().count(
                                        "select count(*) from attest_tenant_organization where org_id = ? and suspended",
                                        org.orgId)
                        == 1);

        Response refused = given().auth()
                .oauth2(org.user("user-" + UUID.randomUUID()))
                .header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType("application/json")
                .body("{\"to\":\"0x" + "ab".repeat(20) + "\",\"amount\":\"1\"}")
                .post("/wallets/" + UUID.randomUUID() + "/transfers");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).isEqualTo("https://attest.dev/problems/suspended");
        assertThat(sql().count("select count(*) from transfer where org_id = ?", org.orgId))
                .isZero();
    }

    @Test
    void aDeletedOrganizationsDfnsSettingsAreErased() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        DfnsAccount kept = DfnsAccount.register("EC").configure();
        assertThat(sql().count("select count(*) from dfns_settings where org_id = ?", org.orgId))
                .isEqualTo(1);

        send(
                EventTypes.Tenant.ORGANIZATION_DELETED,
                org.orgId,
                Map.of("org_id", org.orgId, "slug", "slug-" + org.orgId),
                OffsetDateTime.now());

        waitFor("the settings erased")
                .until(() -> sql().count("select count(*) from dfns_settings where org_id = ?", org.orgId) == 0);
        assertThat(sql().count("select count(*) from dfns_settings where org_id = ?", kept.orgId))
                .isEqualTo(1);
    }

    private static Map<String, Object> organization(String orgId, Boolean suspended) {
        Map<String, Object> data = new HashMap<>(TenantEventData.organization(orgId, "slug-" + orgId));
        if (suspended != null) {
            data.put("suspended", suspended);
        }
        return data;
    }

    private static void send(String type, String orgId, Map<String, ?> data, OffsetDateTime at) {
        try (EventPublisher events = new EventPublisher()) {
            events.event(Topics.TENANT, type, orgId, orgId, data).time(at).send();
        }
    }

    private TestDatabase sql() {
        return new TestDatabase(dataSource);
    }
}
