package dev.attest.gateway.audit;

import dev.attest.common.audit.AuditConfig;
import dev.attest.common.audit.AuditRetentionWork;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Deletes the store's entries older than {@code attest.audit.retention}, as each service's own retention work deletes
 * its trail's (the store keeps copies; it has no chain of its own to anchor).
 */
@Singleton // no client proxy: its superclass takes its settings in its constructor
public class AuditStoreRetention extends AuditRetentionWork {
    public static final String NAME = "audit-store-retention";
    private static final long LOCK = 0x0A77E5A0D171L;

    private final AuditStore store;

    AuditStoreRetention(AuditStore store, AuditConfig config) {
        super(NAME, LOCK, config);
        this.store = store;
    }

    @Override
    protected int deleteOlderThan(Instant cutoff, int batch) {
        return store.deleteOlderThan(cutoff, batch);
    }
}
