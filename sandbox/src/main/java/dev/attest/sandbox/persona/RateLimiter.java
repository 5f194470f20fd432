package dev.attest.sandbox.persona;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Persona's per-key request limit over one-minute windows, reported in {@code RateLimit-*} headers. */
@ApplicationScoped
class RateLimiter {
    private final PersonaSandboxConfig config;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(PersonaSandboxConfig config) {
        this.config = config;
    }

    /** Counts one request of {@code apiKey}. */
    Decision take(String apiKey) {
        long minute = clock.millis() / 60_000;
        Window window = windows.compute(
                apiKey,
                (key, current) -> current == null || current.minute != minute ? new Window(minute, 1) : current.next());
        int limit = config.rateLimitPerMinute();
        long resetSeconds = Math.max(1, ((minute + 1) * 60_000 - clock.millis()) / 1000);
        return new Decision(window.count <= limit, limit, Math.max(0, limit - window.count), resetSeconds);
    }

    record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {}

    private record Window(long minute, int count) {
        Window next() {
            return new Window(minute, count + 1);
        }
    }
}
