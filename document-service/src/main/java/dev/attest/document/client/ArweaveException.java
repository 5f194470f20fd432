package dev.attest.document.client;

/**
 * A gateway request that did not succeed. {@link #rejected()} means the gateway refused the transaction itself (a
 * 4xx: a stale anchor, a bad signature, no funds): posting it again as it is cannot help.
 */
public class ArweaveException extends RuntimeException {
    private final boolean rejected;

    public ArweaveException(String message, boolean rejected) {
        super(message);
        this.rejected = rejected;
    }

    public boolean rejected() {
        return rejected;
    }
}
