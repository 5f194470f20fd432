package dev.attest.compliance;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** Attest's provider-neutral KYC status of a case, with the score and the message a user sees. */
public enum KycStatus {
    PENDING(null, "Your identity verification is in progress."),
    REVIEW(new BigDecimal("0.50"), "Your verification is being reviewed; we will let you know the outcome."),
    VERIFIED(new BigDecimal("1.00"), "Your identity is verified."),
    REJECTED(new BigDecimal("0.00"), "We could not verify your identity. Please contact support.");

    private final BigDecimal score;
    private final String message;

    KycStatus(BigDecimal score, String message) {
        this.score = score;
        this.message = message;
    }

    /** The confidence the status stands for; none while nothing is decided. */
    public Optional<BigDecimal> score() {
        return Optional.ofNullable(score);
    }

    public String message() {
        return message;
    }

    /** The wire name: {@code pending}, {@code review}, {@code verified}, {@code rejected}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static KycStatus fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
