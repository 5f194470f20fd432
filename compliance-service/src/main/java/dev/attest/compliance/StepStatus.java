package dev.attest.compliance;

import java.util.Locale;

/**
 * A verification step's status, normalized across providers. Declared in the order that breaks a tie between two
 * observations of one step made at the same provider time: the later constant wins, so the outcome is the same
 * whatever order they arrive in.
 */
public enum StepStatus {
    PENDING,
    SUBMITTED,
    REQUIRES_RETRY,
    FAILED,
    PASSED;

    /** The wire name: {@code pending}, {@code submitted}, {@code requires-retry}, {@code failed}, {@code passed}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static StepStatus fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
