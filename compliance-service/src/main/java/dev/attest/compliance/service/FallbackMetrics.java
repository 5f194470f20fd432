package dev.attest.compliance.service;

import dev.attest.compliance.provider.FallbackReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counts cases sent to a fallback provider, so an operator sees a provider failing before users complain. */
@ApplicationScoped
public class FallbackMetrics {
    private final MeterRegistry registry;

    FallbackMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** {@code attest_kyc_provider_fallback_total{from, to, reason}}. */
    void fallback(String from, String to, FallbackReason reason) {
        Counter.builder("attest.kyc.provider.fallback")
                .description("New KYC cases opened at their project's fallback provider")
                .tag("from", from)
                .tag("to", to)
                .tag("reason", reason.wire())
                .register(registry)
                .increment();
    }
}
