package dev.attest.identity;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition the service reaches in the background; fails with what was awaited. */
public final class Eventually {
    public static final Duration WAIT = Duration.ofSeconds(90);

    private Eventually() {}

    public static void until(String what, BooleanSupplier condition) {
        until(what, condition, () -> {});
    }

    /** Like {@link #until(String, BooleanSupplier)}, doing {@code meanwhile} between two looks. */
    public static void until(String what, BooleanSupplier condition, Runnable meanwhile) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            meanwhile.run();
            pause(Duration.ofMillis(200));
        }
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
