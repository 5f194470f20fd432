package dev.attest.compliance.rest;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls for an outcome of asynchronous work (webhooks, Kafka); returns the last value for the assertion. */
final class Waiting {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Waiting() {}

    static <T> T until(Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
            value = probe.get();
        }
        return value;
    }
}
