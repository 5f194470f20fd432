package dev.attest.wallet.client;

import java.security.PrivateKey;
import java.util.Optional;

/**
 * What calling Dfns as an organization takes: the API base URL, the service-account (or personal access)
 * token, and the credential that signs user actions; {@code orgId} names the Attest organization they
 * belong to (for the alert when Dfns refuses them). Never logged: {@link #toString()} hides the secrets.
 */
public record DfnsCredentials(
        String apiBaseUrl,
        String token,
        String credentialId,
        PrivateKey signingKey,
        Optional<String> appId,
        Optional<String> orgId) {

    /** Credentials of no particular organization (a refusal raises no alert). */
    public DfnsCredentials(
            String apiBaseUrl, String token, String credentialId, PrivateKey signingKey, Optional<String> appId) {
        this(apiBaseUrl, token, credentialId, signingKey, appId, Optional.empty());
    }

    @Override
    public String toString() {
        return "DfnsCredentials[" + apiBaseUrl + ", credential " + credentialId + "]";
    }
}
