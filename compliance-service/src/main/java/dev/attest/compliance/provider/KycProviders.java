package dev.attest.compliance.provider;

import dev.attest.compliance.config.ComplianceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The KYC providers this service has, by name. */
@ApplicationScoped
public class KycProviders {
    private final Map<String, KycProvider> byName;
    private final String defaultProvider;

    KycProviders(Instance<KycProvider> providers, ComplianceConfig config) {
        this.byName = providers.stream().collect(Collectors.toMap(KycProvider::name, Function.identity()));
        this.defaultProvider = config.defaultProvider();
    }

    /** The provider new cases use (projects will choose theirs once their settings reach this service). */
    public KycProvider forNewCase() {
        return named(defaultProvider);
    }

    public KycProvider named(String name) {
        KycProvider provider = byName.get(name);
        if (provider == null) {
            throw new IllegalStateException("no KYC provider named " + name);
        }
        return provider;
    }
}
