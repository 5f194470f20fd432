package dev.attest.compliance.rest;

import static dev.attest.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The webhook processor serves organizations in turn: a backlog of one organization (older events, many of
 * them) does not hold up another organization's event until the backlog is drained.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class WebhookFairnessTest {
    private static final int BACKLOG = 40;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anotherOrganizationsEventIsProcessedWithoutWaitingForOneOrganizationsBacklog() {
        String flooding = "org-" + UUID.randomUUID();
        String other = "org-" + UUID.randomUUID();
        TestDatabase sql = new TestDatabase(dataSource);
        // Stored at once (one statement), as after a burst or an outage: the flooding organization's events are
        // all older than the other's, so "oldest event first" across organizations would serve it 40 times first.
        sql.update(
                "insert into persona_webhook (org_id, event_id, name, inquiry_id, inquiry_status, event_created_at,"
                        + " state, received_at)"
                        + " select ?, 'evt_flood_' || i, 'inquiry.completed', 'inq_flood_' || i, 'completed',"
                        + " now() - interval '1 hour' + i * interval '1 second', 'received', now()"
                        + " from generate_series(1, " + BACKLOG + ") i"
                        + " union all select ?, 'evt_other', 'inquiry.completed', 'inq_other', 'completed',"
                        + " now() - interval '1 minute', 'received', now()",
                flooding,
                other);

        long left = waitFor("both organizations' webhooks processed")
                .until(
                        () -> sql.count(
                                "select count(*) from persona_webhook where org_id in (?, ?) and state = 'received'",
                                flooding,
                                other),
                        count -> count == 0);
        assertThat(left).isZero();

        long servedBefore = sql.count(
                "select count(*) from persona_webhook where org_id = ? and processed_at <"
                        + " (select processed_at from persona_webhook where org_id = ? and event_id = 'evt_other')",
                flooding,
                other);
        // Turns alternate: at most the flooding organization's turn before the other's came first.
        assertThat(servedBefore).isLessThanOrEqualTo(1);
        assertThat(sql.count(
                        "select count(*) from persona_webhook where org_id in (?, ?) and state = 'unmatched'",
                        flooding,
                        other))
                .isEqualTo(BACKLOG + 1);
    }
}
