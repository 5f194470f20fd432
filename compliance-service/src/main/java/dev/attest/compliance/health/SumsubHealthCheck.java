package dev.attest.compliance.health;

import dev.attest.compliance.client.SumsubClient;
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
 * Whether Sumsub answers, as {@link PersonaHealthCheck} asks Persona: one signed read of an applicant that cannot exist
 * with the platform's configured app ({@code sumsub.app-token} and {@code secret-key}; without them unsigned, where a
 * 401 still proves Sumsub answers), {@code sumsub.health-timeout}, no retries, the answer reused for {@code
 * sumsub.health-cache-ttl}. In the group {@code providers}, for the same reasons.
 */
@HealthGroup(PersonaHealthCheck.GROUP)
@ApplicationScoped
public class SumsubHealthCheck implements HealthCheck {
    private static final String NAME = "sumsub";

    private final SumsubClient sumsub;
    private final ComplianceConfig.Sumsub config;
    private final Clock clock = Clock.systemUTC();
    private Observation last;

    SumsubHealthCheck(SumsubClient sumsub, ComplianceConfig config) {
        this.sumsub = sumsub;
        this.config = config.sumsub();
    }

    private record Observation(ConnectionCheck check, boolean authenticated, Instant at) {}

    @Override
    public HealthCheckResponse call() {
        Observation observation = observe();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("checked_at", observation.at().toString());
        ConnectionCheck.Outcome outcome = observation.check().outcome();
        String credentials = !observation.authenticated()
                ? "not configured"
                : outcome == ConnectionCheck.Outcome.OK ? "accepted" : "refused";
        return switch (outcome) {
            case OK, UNAUTHORIZED -> response.up()
                    .withData("sumsub", "reachable")
                    .withData("credentials", credentials)
                    .build();
            case UNREACHABLE, UNEXPECTED_ANSWER -> response.down()
                    .withData("sumsub", outcome.wire())
                    .build();
        };
    }

    private synchronized Observation observe() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.at().plus(config.healthCacheTtl()))) {
            boolean configured = config.appToken()
                            .filter(value -> !value.isBlank())
                            .isPresent()
                    && config.secretKey().filter(value -> !value.isBlank()).isPresent();
            var app = configured
                    ? SumsubClient.app(
                            config.appToken().get(), config.secretKey().get())
                    : null;
            last = new Observation(sumsub.probe(app, config.healthTimeout()), configured, now);
        }
        return last;
    }
}
