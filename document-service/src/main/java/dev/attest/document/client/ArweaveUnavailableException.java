package dev.attest.document.client;

/**
 * The gateway did not answer, or answered that it cannot now (5xx, 429, 408): the request may succeed later. What
 * opens the gateway's circuit; a refusal of the transaction itself (another 4xx) does not.
 */
public class ArweaveUnavailableException extends ArweaveException {
    public ArweaveUnavailableException(String message) {
        super(message, false);
    }
}
