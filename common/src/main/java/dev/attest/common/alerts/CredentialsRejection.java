package dev.attest.common.alerts;

import java.util.OptionalInt;

/**
 * A provider client's exception that says whether the provider refused the organization's credentials, so that
 * {@link CredentialsRejectedAlerts#watching} can tell its admins.
 */
public interface CredentialsRejection {
    /** The provider's answer when it refused the credentials (401 or 403); empty for any other failure. */
    OptionalInt credentialsRejectedStatus();
}
