package dev.attest.compliance.service;

import dev.attest.common.tenant.Tenants;
import dev.attest.compliance.config.ComplianceConfig;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The default organization ({@code attest.compliance.persona.default-org-id}), named by its id or its slug, turned
 * into its id through common's tenant replica. The local stack names it by slug ({@code demo}), because ids are
 * UUIDs made at runtime. (Other names, of webhook and admin paths, resolve through {@link Tenants} directly.)
 */
@ApplicationScoped
public class OrganizationNames {
    private final Tenants tenants;
    private final Optional<String> configuredDefault;

    OrganizationNames(Tenants tenants, ComplianceConfig config) {
        this.tenants = tenants;
        this.configuredDefault = config.persona().defaultOrgId().filter(value -> !value.isBlank());
    }

    /**
     * The default organization's id: the configured value if the replica knows it as an id, else the
     * organization whose slug it is, else the value itself if it is a UUID (an organization not replicated
     * yet). Empty when nothing is configured or a slug is not known yet.
     */
    @CacheResult(cacheName = "default-organization-id") // every webhook asks; a slug's organization rarely changes
    public Optional<String> defaultOrgId() {
        return configuredDefault.flatMap(
                value -> resolve(value, id -> tenants.organization(id).isPresent(), tenants::orgIdOfSlug));
    }

    /** Whether a default organization is configured at all (resolved or not). */
    public boolean defaultConfigured() {
        return configuredDefault.isPresent();
    }

    /** Whether {@code orgId} is the default organization. */
    public boolean isDefault(String orgId) {
        return defaultOrgId().filter(orgId::equals).isPresent();
    }

    /** The resolution rule, apart from the database so that it can be tested on its own. */
    static Optional<String> resolve(
            String configured, Predicate<String> isKnownId, Function<String, Optional<String>> idOfSlug) {
        if (isKnownId.test(configured)) {
            return Optional.of(configured);
        }
        Optional<String> bySlug = idOfSlug.apply(configured);
        if (bySlug.isPresent()) {
            return bySlug;
        }
        return isUuid(configured) ? Optional.of(configured) : Optional.empty();
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
