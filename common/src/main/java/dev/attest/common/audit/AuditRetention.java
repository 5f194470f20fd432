package dev.attest.common.audit;

import dev.attest.common.work.DurableWork;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Deletes audit entries older than {@code attest.audit.retention} (400 days by default), oldest first, moving the
 * chain's anchor with them ({@link AuditChain#deleteOlderThan}), so the rest still verifies. One replica at a time.
 */
@ApplicationScoped
@IfBuildProperty(name = AuditTrail.ENABLED, stringValue = "true")
public class AuditRetention implements DurableWork {
    public static final String NAME = "audit-retention";
    /** Arbitrary constant naming the work's advisory lock, the same in every service's own database. */
    private static final long LOCK = 0x0A77E5A0D170L;

    private final AuditChain chain;
    private final AuditConfig config;

    AuditRetention(AuditChain chain, AuditConfig config) {
        this.chain = chain;
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
        return Pass.ofBatch(chain.deleteOlderThan(Instant.now().minus(config.retention()), batch), batch);
    }
}
