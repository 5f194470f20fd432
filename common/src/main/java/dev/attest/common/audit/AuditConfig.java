package dev.attest.common.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the audit trail ({@code attest.audit.*}); the switch itself is {@link AuditTrail#ENABLED}. */
@ConfigMapping(prefix = "attest.audit")
public interface AuditConfig {

    /** {@link AuditTrail#ENABLED}: read at build time (the beans exist only when true); listed here to be known. */
    @WithDefault("false")
    boolean enabled();

    /** How long entries are kept; older ones are deleted by the retention work, which moves the chain's anchor. */
    @WithDefault("400d")
    Duration retention();

    /** How often the retention work looks for entries past {@link #retention()}. */
    @WithDefault("1h")
    Duration retentionInterval();

    /**
     * How often the service publishes its chain head ({@code attest.audit.chain-head.v1}) when it moved, for the
     * gateway to compare with its copy.
     */
    @WithDefault("5m")
    Duration headInterval();

    /** How many entries one retention transaction deletes at most. */
    @WithDefault("1000")
    int retentionBatch();
}
