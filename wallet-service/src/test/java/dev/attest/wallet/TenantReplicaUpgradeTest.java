package dev.attest.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.testing.DatabaseUpgrade;
import dev.attest.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** V6 on a database this service's earlier releases made: their own replica and alert tables move to common's. */
class TenantReplicaUpgradeTest {

    @Test
    void theReplicaAndTheAlertsOfAnExistingDatabaseMoveToCommonsTables() {
        DatabaseUpgrade upgrade = DatabaseUpgrade.releasedAt("5", "db/attest", "db/migration");
        TestDatabase tables = upgrade.tables();
        tables.update("insert into tenant_organization (org_id, slug, name, updated_at)"
                + " values ('org-1', 'acme', 'Acme', now()), ('org-2', null, 'Gave up its slug', now())");
        tables.update("insert into tenant_project"
                + " (project_id, org_id, name, environment, kyc_provider, wallet_network, updated_at)"
                + " values ('prj-1', 'org-1', 'Onboarding', 'sandbox', 'persona', 'ethereum-sepolia', now())");
        tables.update("insert into credentials_alert (org_id, provider, last_sent_at)"
                + " values ('org-1', 'dfns', '2026-01-03T00:00:00Z')");

        // As application.properties states it: common's V0_2 and V0_3 come out of order, then V6.
        upgrade.migrate(true, "db/attest", "db/tenant", "db/alerts", "db/migration");

        // Copied as older than any event: the next event about them applies.
        assertThat(tables.scalar("select string_agg(org_id || '=' || coalesce(slug, '-'), ',' order by org_id)"
                        + " from attest_tenant_organization where event_time = '-infinity'"))
                .isEqualTo("org-1=acme,org-2=-");
        assertThat(tables.count("select count(*) from attest_tenant_project where project_id = 'prj-1'"
                        + " and org_id = 'org-1' and name = 'Onboarding' and environment = 'sandbox'"
                        + " and kyc_provider = 'persona' and wallet_network = 'ethereum-sepolia'"
                        + " and event_time = '-infinity'"))
                .isEqualTo(1);
        assertThat(tables.count("select count(*) from attest_credentials_alert where org_id = 'org-1'"
                        + " and provider = 'dfns' and last_sent_at = '2026-01-03T00:00:00Z'"))
                .isEqualTo(1);
        assertThat(tables.scalar("select coalesce(to_regclass('tenant_organization'), to_regclass('tenant_project'),"
                        + " to_regclass('credentials_alert'))::text"))
                .as("the old tables are gone")
                .isNull();
    }
}
