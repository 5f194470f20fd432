package dev.attest.e2e.probe;

import dev.attest.e2e.StepFailed;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls a condition until it holds or time runs out: the client side of "eventually", with the last seen state. */
public final class Waiting {
    private static final Duration POLL = Duration.ofMillis(200);

    private Waiting() {}

    public static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> result = probe.get();
            if (result.isPresent()) {
                return result.get();
            }
            if (System.nanoTime() > deadline) {
                throw new StepFailed(what + ": not seen within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepFailed("interrupted while waiting for " + what, e);
            }
        }
    }
}
