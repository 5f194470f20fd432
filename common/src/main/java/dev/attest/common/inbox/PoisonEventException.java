package dev.attest.common.inbox;

/**
 * An event that no retry can make processable (no CloudEvents envelope, malformed data). Consumers
 * declare it in {@code @Retry(abortOn = ...)} so that it goes to the dead-letter topic at once.
 */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public PoisonEventException(String message) {
        super(message);
    }
}
