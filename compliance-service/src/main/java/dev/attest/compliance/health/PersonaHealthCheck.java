package dev.attest.compliance.health;

import dev.attest.compliance.client.PersonaClient;
import dev.attest.compliance.config.ComplianceConfig;
import dev.attest.compliance.provider.ConnectionCheck;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Whether Persona answers, asked for real: one listing of a single inquiry with the platform's configured
 * key ({@code attest.compliance.persona.api-key}; without one, unauthenticated, where a 401 still proves that
 * Persona answers), a short timeout, no retries. The answer is reused for {@code persona.health-cache-ttl}, so
 * probes do not hammer Persona.
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

    private final PersonaClient persona;
    private final ComplianceConfig.Persona config;
    private final Clock clock = Clock.systemUTC();
    private Observation last;

    PersonaHealthCheck(PersonaClient persona, ComplianceConfig config) {
        this.persona = persona;
        this.config = config.persona();
    }

    private record Observation(ConnectionCheck check, boolean authenticated, Instant at) {}

    @Override
    public HealthCheckResponse call() {
        Observation observation = observe();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("checked_at", observation.at().toString());
        ConnectionCheck.Outcome outcome = observation.check().outcome();
        return switch (outcome) {
            case OK -> response.up()
                    .withData("persona", "reachable")
                    .withData("credentials", observation.authenticated() ? "accepted" : "not configured")
                    .build();
            case UNAUTHORIZED -> response.up()
                    .withData("persona", "reachable")
                    .withData("credentials", observation.authenticated() ? "refused" : "not configured")
                    .build();
            case UNREACHABLE, UNEXPECTED_ANSWER -> response.down()
                    .withData("persona", outcome.wire())
                    .build();
        };
    }

    /** The cached observation, or a new one when it is older than the TTL; one call at a time. */
    private synchronized Observation observe() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.at().plus(config.healthCacheTtl()))) {
            String key = config.apiKey().filter(value -> !value.isBlank()).orElse(null);
            last = new Observation(persona.probe(key, config.healthTimeout()), key != null, now);
        }
        return last;
    }
}
