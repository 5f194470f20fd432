package dev.attest.notification.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock every schedule reads (webhook retries, email retries, rate limits, auto-disable). Tests
 * replace it with one they advance, so a schedule of hours is tested without waiting.
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
