package dev.attest.compliance.provider;

/**
 * Where one provider's credentials for an organization come from: one bean per provider, found by
 * {@link KycProviders#credentials(String, String)} under the provider's name.
 */
public interface ProviderSettings {

    /** The provider's name, as {@link KycProvider#name()}. */
    String provider();

    /**
     * The credentials to call the provider for {@code orgId}; a clear problem (409 {@code <provider>-not-configured})
     * when the organization has none.
     */
    ProviderCredentials credentials(String orgId);

    /**
     * The credentials for business verifications (KYB) of {@code orgId}: the same key, the organization's business
     * flow as the template (Persona: its KYB inquiry template; Sumsub: its company level); a clear problem (409
     * {@code kyb-not-configured}) when the organization has none.
     */
    ProviderCredentials businessCredentials(String orgId);

    /** The kinds of verification step the organization's flow at this provider requires; none without settings. */
    java.util.List<String> requiredSteps(String orgId);
}
