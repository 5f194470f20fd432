package dev.attest.notification.support;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for something asynchronous (Kafka consumption, SMTP) to become true; never asserts a duration. */
public final class Await {
    private static final Duration WAIT = Duration.ofSeconds(90);

    private Await() {}

    public static <T> T until(Supplier<T> value, java.util.function.Predicate<T> done, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T current = value.get();
        while (!done.test(current)) {
            if (System.nanoTime() > deadline) {
                fail("not reached: " + what + " (last value: " + current + ")");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
            current = value.get();
        }
        return current;
    }
}
