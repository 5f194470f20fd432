package dev.attest.common.audit;

import dev.attest.common.work.DurableWork;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Deletes audit entries older than {@code attest.audit.retention}, a batch per pass, in one replica at a time: a
 * service's own trail ({@link AuditRetention}) and the gateway's store of every service's entries alike.
 */
public abstract class AuditRetentionWork implements DurableWork {
    private final String name;
    private final long lock;
    private final AuditConfig config;

    protected AuditRetentionWork(String name, long lock, AuditConfig config) {
        this.name = name;
        this.lock = lock;
        this.config = config;
    }

    /** Deletes at most {@code batch} entries older than {@code cutoff}, oldest first; answers how many. */
    protected abstract int deleteOlderThan(Instant cutoff, int batch);

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration pollInterval() {
        return config.retentionInterval();
    }

    @Override
    public OptionalLong exclusiveLock() {
        return OptionalLong.of(lock);
    }

    @Override
    public Pass runPass() {
        int batch = config.retentionBatch();
        return Pass.ofBatch(deleteOlderThan(Instant.now().minus(config.retention()), batch), batch);
    }
}
