package dev.attest.wallet.client;

/**
 * The Dfns API base URL does not pass the outbound address policy (any more: its name may resolve elsewhere
 * than when it was saved). Nothing was sent; like an outage, the call may succeed once the URL or its address
 * is fixed, but it is never retried on the spot.
 */
public class DfnsAddressRefusedException extends DfnsUnavailableException {
    public DfnsAddressRefusedException(String message) {
        super(message);
    }
}
