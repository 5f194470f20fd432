package dev.attest.common.work;

import static dev.attest.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class WorkersTest {
    @Inject
    Workers workers;

    @Inject
    RecordingWork work;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    /** Each test starts from an idle work whose first pass after a (re)start is done. */
    @BeforeEach
    void idle() {
        workers.stop(RecordingWork.NAME);
        work.reset();
        workers.start(RecordingWork.NAME);
        waitFor("the first pass after the start").until(() -> work.passes.get() == 1);
        work.passes.set(0);
    }

    @Test
    void aWakeAfterCommitRunsAPassOnceTheTransactionHasCommitted() {
        QuarkusTransaction.requiringNew().run(() -> {
            workers.wakeAfterCommit(RecordingWork.NAME);
            // Not yet: the pass would not see what this transaction writes.
            assertThat(work.passes.get()).isZero();
        });
        waitFor("the work's passes")
                .untilAsserted(() -> assertThat(work.passes.get()).isEqualTo(1));
    }

    @Test
    void passesRunBackToBackWhileAPassReportsMore() {
        work.moreLeft.set(3);
        workers.wake(RecordingWork.NAME);
        waitFor("the work's passes")
                .untilAsserted(() -> assertThat(work.passes.get()).isEqualTo(4));
    }

    @Test
    void aFailedPassIsRetriedAfterAGrowingPauseWithoutAnotherWake() {
        double failedBefore = failedPasses();
        work.failuresLeft.set(2);
        workers.wake(RecordingWork.NAME);
        waitFor("the work's passes").atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(work.passes.get())
                .isEqualTo(3));
        assertThat(failedPasses() - failedBefore).isEqualTo(2.0);
    }

    @Test
    void whileAnotherReplicaHoldsTheLeaseNoPassRunsAndTheWorkResumesWhenItIsFree() throws SQLException {
        try (Connection otherReplica = dataSource.getConnection()) {
            waitFor("the other replica holds the lease").until(() -> {
                workers.lease(RecordingWork.NAME).release();
                return advisoryLock(otherReplica, "select pg_try_advisory_lock(?)");
            });
            int leasesBefore = work.leasesTaken.get();
            workers.wake(RecordingWork.NAME);
            waitFor("no pass while another replica holds the lease")
                    .during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> work.passes.get() == 0);

            advisoryLock(otherReplica, "select pg_advisory_unlock(?)");
            workers.wake(RecordingWork.NAME);
            waitFor("the work's passes")
                    .untilAsserted(() -> assertThat(work.passes.get()).isEqualTo(1));
            assertThat(work.leasesTaken.get()).isEqualTo(leasesBefore + 1);
        }
    }

    @Test
    void stopAsksThePassInProgressToEndAndGivesTheLeaseUpOnceItHas() throws SQLException {
        CountDownLatch passEnded = new CountDownLatch(1);
        work.blockUntilStopped = passEnded;
        workers.wake(RecordingWork.NAME);
        waitFor("the pass in progress").until(() -> work.passes.get() == 1);

        assertThat(workers.stop(RecordingWork.NAME)).isTrue();
        assertThat(passEnded.getCount()).isZero();
        try (Connection otherReplica = dataSource.getConnection()) {
            assertThat(advisoryLock(otherReplica, "select pg_try_advisory_lock(?)"))
                    .as("the lease is free once the work has stopped")
                    .isTrue();
            advisoryLock(otherReplica, "select pg_advisory_unlock(?)");
        }
        workers.wake(RecordingWork.NAME);
        waitFor("no pass once stopped")
                .during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> work.passes.get() == 1);
    }

    private double failedPasses() {
        var counter = meters.find("attest.work.passes")
                .tag("work", RecordingWork.NAME)
                .tag("outcome", "failed")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static boolean advisoryLock(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, RecordingWork.LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
