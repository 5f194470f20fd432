package dev.attest.gateway.analytics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;

/** {@code attest.analytics.*}: retention, the latency recorder's flush and the price list. */
@ConfigMapping(prefix = "attest.analytics")
public interface AnalyticsConfig {

    /** How long daily aggregates are kept (at least 13 months). */
    @WithDefault("P400D")
    Duration retention();

    /** How long hourly aggregates are kept before they are moved into the daily ones. */
    @WithDefault("P35D")
    Duration hourlyRetention();

    /** How often the roll-up and retention job runs. */
    @WithDefault("10m")
    Duration rollupInterval();

    /** Whether request latency is recorded per route class (in memory, flushed each {@code flush-interval}). */
    @WithDefault("true")
    boolean latencyEnabled();

    /** How often each replica writes the latency it recorded in memory (read by the scheduler's expression). */
    @WithDefault("60s")
    Duration flushInterval();

    Prices prices();

    /**
     * The price list: amounts in {@link #currency()} per unit. Costs are computed when asked for, from the
     * counts and these prices, so a change applies to the past as well (the answer states the prices used).
     */
    interface Prices {
        @WithDefault("USD")
        String currency();

        /** One Persona inquiry (a KYC case opened at Persona). */
        @WithDefault("0")
        BigDecimal personaInquiry();

        /** One Persona verification (a case decided: verified or rejected). */
        @WithDefault("0")
        BigDecimal personaVerification();

        /** One Sumsub applicant (a KYC case opened at Sumsub). */
        @WithDefault("0")
        BigDecimal sumsubApplicant();

        /** One Sumsub verification (a case decided). */
        @WithDefault("0")
        BigDecimal sumsubVerification();

        /** One Dfns wallet provisioned. */
        @WithDefault("0")
        BigDecimal dfnsWallet();

        /** One Dfns transfer (counted when started). */
        @WithDefault("0")
        BigDecimal dfnsTransfer();

        /** One ETH (10^18 wei), for gas. */
        @WithDefault("0")
        BigDecimal eth();
    }
}
