package dev.attest.identity.service;

import dev.attest.common.work.DurableWork;
import dev.attest.common.work.Workers;
import dev.attest.identity.client.ChainUnavailableException;
import dev.attest.identity.config.IdentityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * Drives issuance in the background, a durable work run by {@link Workers}: each pass settles what was mined,
 * then sends every step that is ready, and passes follow each other while they make progress (at most
 * {@value #MAX_PASSES_IN_A_ROW} in a row). On a node that
 * mines at once (anvil, a dev chain) that takes a user's transactions back to back; on a chain with block
 * times a pass finds nothing mined and the work waits for its interval.
 *
 * <p>One worker per operator key, whatever the number of replicas (a rolling deployment runs two for a while):
 * the nonce counter lives in the process, so two workers signing for one key would hand out the same nonces.
 * The work's exclusive lease is keyed by the operator address; whoever takes it recovers the nonce from the
 * facts. An unreachable node only delays the next pass. On shutdown the pass in progress stops at its next
 * step (see {@link WorkGate}).
 */
@ApplicationScoped
public class IssuanceWorker implements DurableWork {
    public static final String NAME = "identity-issuance";
    private static final Logger LOG = Logger.getLogger(IssuanceWorker.class);
    /** Passes back to back at most before the interval: a steady stream of work never keeps the thread busy. */
    private static final int MAX_PASSES_IN_A_ROW = 20;

    private final IdentityIssuance issuance;
    private final WorkGate gate;
    private final PlatformKeys keys;
    private final NonceManager nonces;
    private final Workers workers;
    private final IdentityConfig config;
    private int passesInARow;

    IssuanceWorker(
            IdentityIssuance issuance,
            WorkGate gate,
            PlatformKeys keys,
            NonceManager nonces,
            Workers workers,
            IdentityConfig config) {
        this.issuance = issuance;
        this.gate = gate;
        this.keys = keys;
        this.nonces = nonces;
        this.workers = workers;
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration pollInterval() {
        return config.workerInterval();
    }

    /** The advisory lock's key: derived from the operator address, so each operator key has its own lease. */
    @Override
    public OptionalLong exclusiveLock() {
        byte[] digest = org.web3j.crypto.Hash.sha3(
                ("attest-identity-worker:" + keys.operatorAddress().toLowerCase(Locale.ROOT))
                        .getBytes(StandardCharsets.UTF_8));
        return OptionalLong.of(ByteBuffer.wrap(digest).getLong());
    }

    /** Another worker may have signed since this one last did. */
    @Override
    public void leaseTaken() {
        nonces.forget();
    }

    @Override
    public void stopRequested() {
        gate.close();
    }

    @Override
    public Pass runPass() {
        if (!gate.isOpen()) {
            return Pass.NOTHING;
        }
        try {
            long start = System.nanoTime();
            int settled = issuance.collectReceipts();
            long collected = System.nanoTime();
            int sent = issuance.advance();
            LOG.debugf(
                    "%d settled in %d ms, %d handled in %d ms",
                    settled, (collected - start) / 1_000_000, sent, (System.nanoTime() - collected) / 1_000_000);
            boolean progress = settled + sent > 0;
            passesInARow = progress && passesInARow < MAX_PASSES_IN_A_ROW ? passesInARow + 1 : 0;
            return new Pass(settled + sent, progress && passesInARow > 0);
        } catch (ChainUnavailableException e) {
            LOG.warnf("issuance waits for the chain: %s", e.getMessage());
            return Pass.NOTHING;
        }
    }

    /**
     * Stops issuance as a shutdown does: the gate closes and the pass in progress gets {@code attest.work.shutdown-grace}
     * to finish its current step.
     *
     * @return whether no pass is running any more
     */
    public boolean stopTakingWork() {
        return workers.stop(NAME);
    }
}
