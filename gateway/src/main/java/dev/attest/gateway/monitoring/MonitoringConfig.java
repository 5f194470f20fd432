package dev.attest.gateway.monitoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** {@code attest.monitoring.*}: the security detectors' rules, and how signals are kept (docs/security-monitoring.md). */
@ConfigMapping(prefix = "attest.monitoring")
public interface MonitoringConfig {

    /** Whether the edge counts signals at all (the detectors then have nothing to read). */
    @WithDefault("true")
    boolean enabled();

    /** How often each replica adds the signals it counted in memory to the database. */
    @WithDefault("2s")
    Duration flushInterval();

    /** How often the detectors read the signals (one replica at a time). */
    @WithDefault("5s")
    Duration evaluateInterval();

    /** How long signals are kept: at least the longest window and baseline period. */
    @WithDefault("P8D")
    Duration signalRetention();

    /** Each detector's rule, by the detector's name ({@link Detector#id()}): every detector must have one. */
    Map<String, Rule> detectors();

    /** Keycloak's sign-in failures, read from its admin API with a service account that may view events. */
    Keycloak keycloak();

    /**
     * When a detector raises an incident: {@code threshold} signals of one subject within {@code window}, and, with
     * a {@code baseline-multiplier}, also that many times the subject's usual count per window over {@code
     * baseline-period} (what is normal for a busy subject is no attack).
     */
    interface Rule {
        int threshold();

        Duration window();

        String severity();

        Optional<Double> baselineMultiplier();

        @WithDefault("P7D")
        Duration baselinePeriod();
    }

    interface Keycloak {
        /** The realm's server, e.g. {@code http://127.0.0.1:8180}; unset: sign-in failures are not read. */
        Optional<String> url();

        @WithDefault("attest")
        String realm();

        @WithDefault("attest-security-monitor")
        String clientId();

        /** The monitor client's secret; unset: sign-in failures are not read. */
        Optional<String> clientSecret();

        @WithDefault("10s")
        Duration pollInterval();
    }
}
