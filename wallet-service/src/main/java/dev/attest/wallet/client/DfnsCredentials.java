package dev.attest.wallet.client;

import java.security.PrivateKey;
import java.util.Optional;

/**
 * What calling Dfns as an organization takes: the API base URL, the service-account (or personal access)
 * token, and the credential that signs user actions. Never logged: {@link #toString()} hides the secrets.
 */
public record DfnsCredentials(
        String apiBaseUrl, String token, String credentialId, PrivateKey signingKey, Optional<String> appId) {

    @Override
    public String toString() {
        return "DfnsCredentials[" + apiBaseUrl + ", credential " + credentialId + "]";
    }
}
