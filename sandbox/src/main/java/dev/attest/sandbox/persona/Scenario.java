package dev.attest.sandbox.persona;

import java.util.Locale;

/**
 * How a sandbox organization behaves: the decision its post-inquiry workflow takes, and how its webhooks
 * are delivered.
 *
 * @param decision what follows a completed inquiry
 * @param deliveryDelayMs how long each webhook waits before its first delivery
 * @param duplicates how many extra copies of each webhook are delivered
 * @param reverseOrder whether the webhooks of one step (e.g. completed then approved) are sent newest first
 * @param expireAfterMs when above zero, an inquiry still created or pending this long after its creation
 *     expires (Persona: 24 h by default, configurable per template)
 */
public record Scenario(
        Decision decision, long deliveryDelayMs, int duplicates, boolean reverseOrder, long expireAfterMs) {

    public static final Scenario DEFAULT = new Scenario(Decision.AUTO_APPROVE, 0, 0, false, 0);

    /** The workflow that runs after the user completes the flow. */
    public enum Decision {
        /** Stay {@code completed}: no workflow decides. */
        NONE,
        AUTO_APPROVE,
        AUTO_DECLINE,
        NEEDS_REVIEW;

        static Decision parse(String text) {
            return text == null
                    ? AUTO_APPROVE
                    : valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }
}
