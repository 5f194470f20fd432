package dev.attest.common.net;

/** A URL we will not send to; the message says why (never what the target answered) and is shown to the admin. */
public class RefusedAddressException extends RuntimeException {
    public RefusedAddressException(String message) {
        super(message);
    }
}
