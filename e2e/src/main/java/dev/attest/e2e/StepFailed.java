package dev.attest.e2e;

/** A step of a run that did not get what it waited for; the message says what was expected and what came. */
public class StepFailed extends RuntimeException {
    public StepFailed(String message) {
        super(message);
    }

    public StepFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
