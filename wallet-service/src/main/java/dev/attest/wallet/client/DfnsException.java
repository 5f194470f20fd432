package dev.attest.wallet.client;

/** Dfns refused a call (4xx other than 429): retrying the same call will not help. */
public class DfnsException extends RuntimeException {
    private final int status;

    public DfnsException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
