package dev.attest.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.testing.DatabaseUpgrade;
import dev.attest.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** V4 on a database this service's earlier releases made: the projects it knew move to common's replica. */
class TenantReplicaUpgradeTest {

    @Test
    void theProjectsOfAnExistingDatabaseMoveToCommonsReplica() {
        DatabaseUpgrade upgrade = DatabaseUpgrade.releasedAt("3", "db/attest", "db/migration");
        TestDatabase tables = upgrade.tables();
        tables.update("insert into project (org_id, project_id) values ('org-1', 'prj-1'), ('org-1', 'prj-2')");
        tables.update("insert into org_admin (org_id, user_id, email) values ('org-1', 'admin-1', 'a@example.org')");

        // As application.properties states it: common's V0_2 comes out of order, then V4.
        upgrade.migrate(true, "db/attest", "db/tenant", "db/migration");

        // Copied as older than any event: the next event about them fills in the rest.
        assertThat(tables.scalar("select string_agg(project_id, ',' order by project_id) from attest_tenant_project"
                        + " where org_id = 'org-1' and event_time = '-infinity'"))
                .isEqualTo("prj-1,prj-2");
        assertThat(tables.scalar("select email from org_admin where org_id = 'org-1'"))
                .as("the admins stay this service's")
                .isEqualTo("a@example.org");
        assertThat(tables.scalar("select to_regclass('project')::text"))
                .as("the old table is gone")
                .isNull();
    }
}
