package dev.attest.common.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the outbox relay. */
@ConfigMapping(prefix = "attest.outbox")
public interface OutboxConfig {

    /** How many rows one relay transaction publishes at most. */
    @WithDefault("500")
    int batchSize();

    /**
     * How long the relay sleeps when nothing woke it. Rows written by this process wake it at once; the
     * interval only bounds the lag for rows written by another replica or left over from a crash.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long sent rows are kept (for audit and the outbox/inbox reconciliation) before they are purged. */
    @WithDefault("7d")
    Duration retention();
}
