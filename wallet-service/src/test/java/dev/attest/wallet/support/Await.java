package dev.attest.wallet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for an eventually consistent outcome; the assertion after it says what was expected. */
public final class Await {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Await() {}

    /** Polls {@code value} until it equals {@code expected} or the wait is over; answers the last value. */
    public static <T> T until(Supplier<T> value, T expected) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T last = value.get();
        while (!expected.equals(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = value.get();
        }
        assertThat(last).isEqualTo(expected);
        return last;
    }
}
