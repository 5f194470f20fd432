package dev.attest.identity.client;

/** The node did not answer (outage, timeout): the operation is tried again later, nothing is lost. */
public class ChainUnavailableException extends RuntimeException {
    public ChainUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ChainUnavailableException(String message) {
        super(message);
    }
}
