package dev.attest.e2e.demo;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Runs the steps of a walk-through one after the other and prints each as it completes, with the time
 * since the start; the first step that fails ends the run and is named.
 */
public final class StepLog {
    private final PrintStream out;
    private final long start = System.nanoTime();
    private int number;

    public StepLog(PrintStream out) {
        this.out = out;
    }

    /** Runs a step; its result is a short detail printed beside the step's name. */
    public <T> T step(String name, Supplier<T> body, java.util.function.Function<T, String> detail) {
        number++;
        try {
            T result = body.get();
            out.printf("  ✓ %7.1fs  %2d. %s%s%n", elapsed(), number, name, suffix(detail.apply(result)));
            out.flush();
            return result;
        } catch (RuntimeException e) {
            throw new FailedStep(number, name, e);
        }
    }

    public void step(String name, Runnable body) {
        step(
                name,
                () -> {
                    body.run();
                    return "";
                },
                d -> d);
    }

    public double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String suffix(String detail) {
        return detail == null || detail.isBlank() ? "" : " — " + detail;
    }

    /** The step that failed, with what it saw. */
    public static final class FailedStep extends RuntimeException {
        public FailedStep(int number, String step, Throwable cause) {
            super("step " + number + " \"" + step + "\" failed: " + cause.getMessage(), cause);
        }
    }
}
