package dev.attest.notification.webhook;

/** An endpoint URL we will not send to; the message says why and is shown to the admin. */
public class RefusedEndpointException extends RuntimeException {
    public RefusedEndpointException(String message) {
        super(message);
    }
}
