package dev.attest.identity.service;

import dev.attest.identity.client.ChainUnavailableException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Drives issuance in the background, one round at a time on one thread (so one nonce sequence): settle
 * what was mined, then send every step that is ready. An unreachable node only delays the next round.
 */
@ApplicationScoped
public class IssuanceWorker {
    private static final Logger LOG = Logger.getLogger(IssuanceWorker.class);

    private final IdentityIssuance issuance;

    IssuanceWorker(IdentityIssuance issuance) {
        this.issuance = issuance;
    }

    @Scheduled(
            every = "${attest.identity.worker-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void round() {
        try {
            long start = System.nanoTime();
            int settled = issuance.collectReceipts();
            long collected = System.nanoTime();
            int sent = issuance.advance();
            if (settled + sent > 0) {
                LOG.debugf(
                        "round: %d settled in %d ms, %d sent in %d ms",
                        settled, (collected - start) / 1_000_000, sent, (System.nanoTime() - collected) / 1_000_000);
            }
        } catch (ChainUnavailableException e) {
            LOG.warnf("issuance waits for the chain: %s", e.getMessage());
        }
    }
}
