package dev.attest.common.work;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Background work whose state lives in the database: each pass claims what is due (rows locked with
 * {@code FOR UPDATE SKIP LOCKED} and leased, so another replica or a later pass does not take them while they
 * are handled), handles it and records the outcome. A crash at any point leaves rows that a later pass finds
 * again once their lease ends. {@link Workers} runs every bean of this type on a thread of its own.
 */
public interface DurableWork {

    /** Names the work: its thread, the {@code work} tag of its metrics and its log lines. */
    String name();

    /**
     * How long the runner waits for a {@link Workers#wake wake} before it looks again by itself. A work named in
     * {@code attest.work.disabled} does not run in this process at all (a test drives its passes itself).
     */
    Duration pollInterval();

    /** One pass over what is due. Throwing counts as a failed pass: the runner backs off and tries again. */
    Pass runPass();

    /**
     * The key of a PostgreSQL advisory lock for work that must run in one replica at a time (one nonce sequence,
     * one ordered stream); empty where replicas share the work by claiming rows.
     */
    default OptionalLong exclusiveLock() {
        return OptionalLong.empty();
    }

    /** Called when this replica takes the exclusive lease: what another replica did meanwhile is not cached here. */
    default void leaseTaken() {}

    /** Called when the runner is asked to stop: a long pass should end at its next safe point. */
    default void stopRequested() {}

    /** What a pass did: how many items it handled, and whether more may be due at once (it took a full batch). */
    record Pass(int handled, boolean more) {
        public static final Pass NOTHING = new Pass(0, false);

        /** A pass that took {@code handled} items of at most {@code batchSize}: a full batch means look again now. */
        public static Pass ofBatch(int handled, int batchSize) {
            return new Pass(handled, handled >= batchSize);
        }
    }
}
