package dev.attest.compliance.provider;

import java.util.Optional;

/**
 * What a provider call needs of an organization's settings.
 *
 * @param apiKey the secret API key (Persona) or app token (Sumsub); never logged or shown
 * @param signingSecret the secret requests are signed with, for providers that sign (Sumsub's secret key); never
 *     logged or shown
 * @param templateId the verification flow to create (Persona: inquiry template; Sumsub: level name)
 */
public record ProviderCredentials(String apiKey, Optional<String> signingSecret, String templateId) {

    /** Credentials of a provider that authenticates with the key alone. */
    public ProviderCredentials(String apiKey, String templateId) {
        this(apiKey, Optional.empty(), templateId);
    }

    @Override
    public String toString() {
        return "ProviderCredentials[apiKey=****, signingSecret=" + (signingSecret.isPresent() ? "****" : "none")
                + ", templateId=" + templateId + "]";
    }
}
