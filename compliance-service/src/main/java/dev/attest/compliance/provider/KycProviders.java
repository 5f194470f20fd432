package dev.attest.compliance.provider;

import dev.attest.common.problem.ProblemException;
import dev.attest.common.tenant.TenantProject;
import dev.attest.common.tenant.Tenants;
import dev.attest.compliance.config.ComplianceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The KYC providers this service has, by name, and the one a new case uses: its project's
 * {@code kyc_provider} from the tenant replica, else the configured default.
 */
@ApplicationScoped
public class KycProviders {
    private final Map<String, KycProvider> byName;
    private final Map<String, ProviderSettings> settingsByName;
    private final String defaultProvider;
    private final Tenants tenants;

    KycProviders(
            Instance<KycProvider> providers,
            Instance<ProviderSettings> settings,
            ComplianceConfig config,
            Tenants tenants) {
        this.byName = providers.stream().collect(Collectors.toMap(KycProvider::name, Function.identity()));
        this.settingsByName =
                settings.stream().collect(Collectors.toMap(ProviderSettings::provider, Function.identity()));
        this.defaultProvider = config.defaultProvider();
        this.tenants = tenants;
    }

    /**
     * The provider of a new case of {@code orgId} for the caller's project. A project the replica does not
     * know yet (its event may still be on the way) or that names no provider gets the default; a provider
     * this service does not implement is a clear problem, before anything is stored.
     */
    public KycProvider forNewCase(String orgId, Optional<String> projectId) {
        requireNotSuspended(orgId, projectId);
        String name = projectId
                .flatMap(project -> tenants.project(orgId, project))
                .map(TenantProject::kycProvider)
                .filter(provider -> !provider.isBlank())
                .orElse(defaultProvider);
        KycProvider provider = byName.get(name);
        if (provider == null) {
            throw new ProblemException(
                    409,
                    "kyc-provider-unsupported",
                    "KYC provider not supported",
                    "This project's KYC provider \"" + name + "\" is not supported; supported: "
                            + String.join(
                                    ", ", byName.keySet().stream().sorted().toList()) + ".");
        }
        return provider;
    }

    /**
     * No new provider work for an organization or project the platform's admins suspended (issue 20; the tenant
     * replica's {@code suspended}): 403 problem {@code suspended}, before anything is stored or sent.
     */
    public void requireNotSuspended(String orgId, Optional<String> projectId) {
        if (tenants.suspended(orgId, projectId.orElse(null))) {
            throw new ProblemException(
                    403,
                    "suspended",
                    "Suspended",
                    "This organization or project is suspended by the platform's administrators; no new"
                            + " verification is started.");
        }
    }

    /**
     * Where a new case of {@code orgId} that was meant for {@code preferred} may go instead while that one is
     * unavailable: its project's {@code kyc_fallback_provider}, when it names another provider this service has.
     */
    public Optional<KycProvider> fallbackFor(String orgId, Optional<String> projectId, String preferred) {
        return projectId
                .flatMap(project -> tenants.project(orgId, project))
                .map(TenantProject::kycFallbackProvider)
                .filter(name -> !name.isBlank() && !name.equals(preferred))
                .map(byName::get);
    }

    /** The provider of an existing case: the one it was opened with. */
    public KycProvider named(String name) {
        KycProvider provider = byName.get(name);
        if (provider == null) {
            throw new IllegalStateException("no KYC provider named " + name);
        }
        return provider;
    }

    /** The kinds of step {@code orgId}'s flow at the provider named {@code provider} requires. */
    public java.util.List<String> requiredSteps(String provider, String orgId) {
        return settingsOf(provider).requiredSteps(orgId);
    }

    /** The credentials of {@code orgId} for the provider named {@code provider}; a clear problem without them. */
    public ProviderCredentials credentials(String provider, String orgId) {
        return settingsOf(provider).credentials(orgId);
    }

    private ProviderSettings settingsOf(String provider) {
        ProviderSettings settings = settingsByName.get(provider);
        if (settings == null) {
            throw new IllegalStateException("no settings for KYC provider " + provider);
        }
        return settings;
    }
}
