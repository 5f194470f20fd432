package dev.attest.common.audit;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Deletes this service's audit entries older than {@code attest.audit.retention} (400 days by default), oldest
 * first, moving the chain's anchor with them ({@link AuditChain#deleteOlderThan}), so the rest still verifies.
 */
@Singleton // no client proxy: its superclass takes its settings in its constructor
@IfBuildProperty(name = AuditTrail.ENABLED, stringValue = "true")
public class AuditRetention extends AuditRetentionWork {
    public static final String NAME = "audit-retention";
    /** Arbitrary constant naming the work's advisory lock, the same in every service's own database. */
    private static final long LOCK = 0x0A77E5A0D170L;

    private final AuditChain chain;

    AuditRetention(AuditChain chain, AuditConfig config) {
        super(NAME, LOCK, config);
        this.chain = chain;
    }

    @Override
    protected int deleteOlderThan(Instant cutoff, int batch) {
        return chain.deleteOlderThan(cutoff, batch);
    }
}
