package dev.attest.identity.service;

import dev.attest.identity.client.ChainUnavailableException;
import dev.attest.identity.config.IdentityConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Drives issuance in the background, one round at a time on one thread (so one nonce sequence): settle
 * what was mined, then send every step that is ready, and again while that makes progress; only in the
 * replica that holds the {@link WorkerLease}.
 * An unreachable node only delays the next round. On shutdown no new round starts and the one in progress stops
 * at its next step (see {@link WorkGate}).
 */
@ApplicationScoped
public class IssuanceWorker {
    private static final Logger LOG = Logger.getLogger(IssuanceWorker.class);
    /** Passes per round at most: a round stays bounded in time under a steady stream of work. */
    private static final int MAX_PASSES = 20;

    private final IdentityIssuance issuance;
    private final WorkGate gate;
    private final WorkerLease lease;
    private final IdentityConfig config;
    private final ReentrantLock running = new ReentrantLock();

    IssuanceWorker(IdentityIssuance issuance, WorkGate gate, WorkerLease lease, IdentityConfig config) {
        this.issuance = issuance;
        this.gate = gate;
        this.lease = lease;
        this.config = config;
    }

    @Scheduled(
            every = "${attest.identity.worker-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void round() {
        if (!running.tryLock()) {
            return;
        }
        try {
            if (!gate.isOpen() || !lease.acquire()) {
                return; // shutting down, or another replica runs issuance for this operator key
            }
            // On a node that mines at once (ganache, a dev chain) what a pass sent is mined before the next pass:
            // going on while passes make progress takes a user's transactions back to back instead of one a round.
            // On a chain with block times the second pass finds nothing mined and the round ends.
            for (int pass = 0; pass < MAX_PASSES && gate.isOpen(); pass++) {
                long start = System.nanoTime();
                int settled = issuance.collectReceipts();
                long collected = System.nanoTime();
                int sent = issuance.advance();
                if (settled + sent == 0) {
                    break;
                }
                LOG.debugf(
                        "pass %d: %d settled in %d ms, %d handled in %d ms",
                        pass,
                        settled,
                        (collected - start) / 1_000_000,
                        sent,
                        (System.nanoTime() - collected) / 1_000_000);
            }
        } catch (ChainUnavailableException e) {
            LOG.warnf("issuance waits for the chain: %s", e.getMessage());
        } finally {
            running.unlock();
        }
    }

    /**
     * Early in shutdown (before the database and Kafka clients close): take no new work and give the round
     * in progress up to {@code shutdown-grace} to finish its current step.
     */
    void stopTakingWork(@Observes @Priority(1) ShutdownEvent shutdown) {
        stopTakingWork();
    }

    /**
     * Closes the gate and waits (at most {@code shutdown-grace}) for the round in progress to stop.
     *
     * @return whether no round is running any more
     */
    public boolean stopTakingWork() {
        gate.close();
        try {
            if (running.tryLock(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                lease.release();
                running.unlock();
                LOG.info("issuance stopped; recorded state is continued by the next start");
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.warn("issuance round still running at shutdown; its recorded state is continued by the next start");
        return false;
    }
}
