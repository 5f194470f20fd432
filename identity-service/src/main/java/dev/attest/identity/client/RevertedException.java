package dev.attest.identity.client;

/** The EVM refused a call or transaction; {@link #reason()} is the contract's revert reason when it gave one. */
public class RevertedException extends RuntimeException {
    private final String reason;

    public RevertedException(String reason) {
        super("reverted: " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
