package dev.attest.compliance.health;

import dev.attest.compliance.provider.ConnectionCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The cached probe and its report behind every provider's health check (one classified call at most once a TTL,
 * reported alike), so that each provider's check only says how its provider is asked.
 */
final class CachedProviderProbe {
    /** One probe's answer, and whether it was asked with the platform's credentials. */
    record Probe(ConnectionCheck check, boolean authenticated) {}

    private record Observation(Probe probe, Instant at) {}

    private final String name;
    private final Supplier<Duration> ttl;
    private final Supplier<Probe> ask;
    private final Clock clock = Clock.systemUTC();
    private Observation last;

    /**
     * @param name the check's name and its data key for the provider ({@code persona})
     * @param ttl how long an answer is reused
     * @param ask one probe of the provider
     */
    CachedProviderProbe(String name, Supplier<Duration> ttl, Supplier<Probe> ask) {
        this.name = name;
        this.ttl = ttl;
        this.ask = ask;
    }

    /**
     * UP while the provider answers as itself (its credentials {@code accepted}, {@code refused} or {@code not
     * configured}); DOWN when it is unreachable or answers otherwise.
     */
    HealthCheckResponse call() {
        Observation observation = observe();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name)
                .withData("checked_at", observation.at().toString());
        ConnectionCheck.Outcome outcome = observation.probe().check().outcome();
        String credentials = !observation.probe().authenticated()
                ? "not configured"
                : outcome == ConnectionCheck.Outcome.OK ? "accepted" : "refused";
        return switch (outcome) {
            case OK, UNAUTHORIZED -> response.up()
                    .withData(name, "reachable")
                    .withData("credentials", credentials)
                    .build();
            case UNREACHABLE, UNEXPECTED_ANSWER -> response.down()
                    .withData(name, outcome.wire())
                    .build();
        };
    }

    /** The cached observation, or a new one when it is older than the TTL; one call at a time. */
    private synchronized Observation observe() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.at().plus(ttl.get()))) {
            last = new Observation(ask.get(), now);
        }
        return last;
    }
}
