package dev.attest.gateway.audit;

import dev.attest.common.audit.AuditConfig;
import dev.attest.common.work.DurableWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Deletes the store's entries older than {@code attest.audit.retention}, as each service's own retention work deletes
 * its trail's (the store keeps copies; it has no chain of its own to anchor). One replica at a time.
 */
@ApplicationScoped
public class AuditStoreRetention implements DurableWork {
    public static final String NAME = "audit-store-retention";
    private static final long LOCK = 0x0A77E5A0D171L;

    private final AuditStore store;
    private final AuditConfig config;

    AuditStoreRetention(AuditStore store, AuditConfig config) {
        this.store = store;
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration pollInterval() {
        return config.retentionInterval();
    }

    @Override
    public OptionalLong exclusiveLock() {
        return OptionalLong.of(LOCK);
    }

    @Override
    public Pass runPass() {
        int batch = config.retentionBatch();
        return Pass.ofBatch(store.deleteOlderThan(Instant.now().minus(config.retention()), batch), batch);
    }
}
