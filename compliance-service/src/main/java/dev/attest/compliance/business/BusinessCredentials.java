package dev.attest.compliance.business;

import dev.attest.compliance.provider.ProviderCredentials;
import dev.attest.compliance.provider.ProviderSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Each provider's business (KYB) credentials of an organization, by provider name. */
@ApplicationScoped
class BusinessCredentials {
    private final Map<String, ProviderSettings> byProvider;

    BusinessCredentials(Instance<ProviderSettings> settings) {
        this.byProvider = settings.stream().collect(Collectors.toMap(ProviderSettings::provider, Function.identity()));
    }

    /** A clear problem (409 {@code kyb-not-configured}) when the organization has no business flow there. */
    ProviderCredentials of(String provider, String orgId) {
        ProviderSettings settings = byProvider.get(provider);
        if (settings == null) {
            throw new IllegalStateException("no settings for KYC provider " + provider);
        }
        return settings.businessCredentials(orgId);
    }
}
