package dev.attest.compliance.health;

import dev.attest.compliance.client.PersonaClient;
import dev.attest.compliance.config.ComplianceConfig;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether Persona answers, asked for real: one listing of a single inquiry with the platform's configured
 * key ({@code attest.compliance.persona.api-key}; without one, unauthenticated, where a 401 still proves that
 * Persona answers), a short timeout, no retries. The answer is reused for {@code persona.health-cache-ttl}, so
 * probes do not hammer Persona (the cache and the report are the shared {@link CachedProviderProbe}).
 *
 * <p>In the health group {@code providers} ({@code /q/health/group/providers}) and not in readiness: when only
 * Persona is down this service still takes webhooks, serves cases and the review queue, and answers starts
 * with a clear 503, so taking it out of rotation would only make things worse. DOWN here is for monitoring and
 * alerting. Refused platform credentials are reported in the data and stay UP (organizations use their own).
 */
@HealthGroup(PersonaHealthCheck.GROUP)
@ApplicationScoped
public class PersonaHealthCheck implements HealthCheck {
    public static final String GROUP = "providers";
    private static final String NAME = "persona";

    private final CachedProviderProbe probe;

    PersonaHealthCheck(PersonaClient persona, ComplianceConfig config) {
        ComplianceConfig.Persona settings = config.persona();
        this.probe = new CachedProviderProbe(NAME, settings::healthCacheTtl, () -> {
            String key = settings.apiKey().filter(value -> !value.isBlank()).orElse(null);
            return new CachedProviderProbe.Probe(persona.probe(key, settings.healthTimeout()), key != null);
        });
    }

    @Override
    public HealthCheckResponse call() {
        return probe.call();
    }
}
