package dev.attest.compliance.provider;

import dev.attest.common.alerts.CredentialsRejection;
import java.util.OptionalInt;

/**
 * A provider call that failed, normalized.
 *
 * @param kind what went wrong, for the caller to decide how to answer
 */
public class KycProviderException extends RuntimeException implements CredentialsRejection {
    private final Kind kind;
    private final int status;

    public KycProviderException(Kind kind, int status, String message) {
        super(message);
        this.kind = kind;
        this.status = status;
    }

    public KycProviderException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** The provider's HTTP status, or 0 when it did not answer. */
    public int status() {
        return status;
    }

    /** A refused key ({@link Kind#UNAUTHORIZED}) alerts the organization's admins (common's credentials alerts). */
    @Override
    public OptionalInt credentialsRejectedStatus() {
        return kind == Kind.UNAUTHORIZED ? OptionalInt.of(status) : OptionalInt.empty();
    }

    public enum Kind {
        /** The key is refused (401/403). */
        UNAUTHORIZED,
        /** The provider refused the request as invalid (400, 404, 409, 422). */
        REJECTED,
        /** The provider is unavailable, rate limiting, slow, or its circuit is open: try later. */
        UNAVAILABLE
    }
}
