package dev.attest.identity.service;

import static dev.attest.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.common.work.Workers;
import dev.attest.contracts.EventTypes;
import dev.attest.identity.support.IdentityEventsRead;
import dev.attest.identity.support.TestChain;
import dev.attest.identity.support.TestEvents;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Only the replica holding the worker lease sends the operator's transactions (one nonce sequence). */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class SingleWorkerTest {
    @Inject
    Workers workers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void whileAnotherReplicaHoldsTheLeaseNothingIsSentAndIssuanceResumesWhenItIsFree()
            throws SQLException, InterruptedException {
        TestDatabase db = new TestDatabase(dataSource);
        String org = "org-" + UUID.randomUUID();
        String user = "user-" + UUID.randomUUID();
        try (TestEvents events = new TestEvents();
                Connection otherReplica = dataSource.getConnection()) {
            // The other replica takes the lease the moment this one gives it up.
            waitFor("the other replica holds the lease").until(() -> {
                workers.lease(IssuanceWorker.NAME).release();
                return advisoryLock(otherReplica, "select pg_try_advisory_lock(?)");
            });
            try {
                // A fixed pause, not a wait for an outcome: a round that started before the hand-over ends, so
                // that the event below can only be planned by this replica while it no longer holds the lease.
                Thread.sleep(2_000);
                events.walletProvisioned(org, user, TestChain.newWallet(), "case-" + UUID.randomUUID());
                waitFor("the identity planned")
                        .until(() -> db.count("select count(*) from identities where user_id = ?", user) == 1);

                waitFor("no deployment sent while the other replica holds the lease")
                        .during(Duration.ofSeconds(3))
                        .atMost(Duration.ofSeconds(5))
                        .until(() -> db.count(
                                        "select count(*) from identities where user_id = ? and step = 'DEPLOY'"
                                                + " and pending_tx_id is null",
                                        user)
                                == 1);
                assertThat(db.count(
                                "select count(*) from identities where user_id = ? and step = 'DEPLOY'"
                                        + " and pending_tx_id is null",
                                user))
                        .isEqualTo(1);
            } finally {
                advisoryLock(otherReplica, "select pg_advisory_unlock(?)");
            }
            assertThat(IdentityEventsRead.await((org + ":" + user)::equals, EventTypes.Identity.CLAIM_ISSUED, 1))
                    .hasSize(1);
        }
    }

    private boolean advisoryLock(Connection connection, String sql) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, workers.lease(IssuanceWorker.NAME).key());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
