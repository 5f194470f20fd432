package dev.attest.wallet.client;

import dev.attest.common.alerts.CredentialsRejection;
import java.util.OptionalInt;

/** Dfns refused a call (4xx other than 429): retrying the same call will not help. */
public class DfnsException extends RuntimeException implements CredentialsRejection {
    private final int status;

    public DfnsException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** A 401 or 403: Dfns refused the organization's credentials (its admins are alerted). */
    @Override
    public OptionalInt credentialsRejectedStatus() {
        return status == 401 || status == 403 ? OptionalInt.of(status) : OptionalInt.empty();
    }
}
