package dev.attest.compliance.health;

import dev.attest.compliance.client.SumsubClient;
import dev.attest.compliance.config.ComplianceConfig;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether Sumsub answers, as {@link PersonaHealthCheck} asks Persona: one signed read of an applicant that cannot exist
 * with the platform's configured app ({@code sumsub.app-token} and {@code secret-key}; without them unsigned, where a
 * 401 still proves Sumsub answers), {@code sumsub.health-timeout}, no retries, the answer reused for {@code
 * sumsub.health-cache-ttl}. In the group {@code providers}, for the same reasons.
 */
@HealthGroup(PersonaHealthCheck.GROUP)
@ApplicationScoped
public class SumsubHealthCheck implements HealthCheck {
    private static final String NAME = "sumsub";

    private final CachedProviderProbe probe;

    SumsubHealthCheck(SumsubClient sumsub, ComplianceConfig config) {
        ComplianceConfig.Sumsub settings = config.sumsub();
        this.probe = new CachedProviderProbe(NAME, settings::healthCacheTtl, () -> {
            boolean configured = settings.appToken()
                            .filter(value -> !value.isBlank())
                            .isPresent()
                    && settings.secretKey().filter(value -> !value.isBlank()).isPresent();
            var app = configured
                    ? SumsubClient.app(
                            settings.appToken().get(), settings.secretKey().get())
                    : null;
            return new CachedProviderProbe.Probe(sumsub.probe(app, settings.healthTimeout()), configured);
        });
    }

    @Override
    public HealthCheckResponse call() {
        return probe.call();
    }
}
