package dev.attest.wallet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for an eventually consistent outcome; the assertion after it says what was expected. */
public final class Await {
    /**
     * Long enough for a transfer to be mined and confirmed on a loaded 2-core CI machine (30 s ran out once); it
     * returns as soon as the outcome is there, so only a failing test waits this long.
     */
    private static final Duration WAIT = Duration.ofSeconds(90);

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
