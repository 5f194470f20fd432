package dev.attest.wallet.client;

/** Dfns could not answer (429, 5xx, timeout, connection failure, open circuit): the call may succeed later. */
public class DfnsUnavailableException extends RuntimeException {
    public DfnsUnavailableException(String message) {
        super(message);
    }

    public DfnsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
