package dev.attest.compliance.provider;

/**
 * What a provider call needs of an organization's settings.
 *
 * @param apiKey the secret API key; never logged or shown
 * @param templateId the verification flow to create (Persona: inquiry template)
 */
public record ProviderCredentials(String apiKey, String templateId) {
    @Override
    public String toString() {
        return "ProviderCredentials[apiKey=****, templateId=" + templateId + "]";
    }
}
