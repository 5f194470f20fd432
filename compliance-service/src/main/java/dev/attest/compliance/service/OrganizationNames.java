package dev.attest.compliance.service;

import dev.attest.compliance.config.ComplianceConfig;
import dev.attest.compliance.repository.TenantRepository;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns an organization named by configuration or by a webhook path (its id or its slug) into its id,
 * through the tenant replica. The local stack names its default organization by slug ({@code demo}),
 * because ids are UUIDs made at runtime.
 */
@ApplicationScoped
public class OrganizationNames {
    private final TenantRepository tenants;
    private final Optional<String> configuredDefault;

    OrganizationNames(TenantRepository tenants, ComplianceConfig config) {
        this.tenants = tenants;
        this.configuredDefault = config.persona().defaultOrgId().filter(value -> !value.isBlank());
    }

    /**
     * The default organization's id: the configured value if the replica knows it as an id, else the
     * organization whose slug it is, else the value itself if it is a UUID (an organization not replicated
     * yet). Empty when nothing is configured or a slug is not known yet.
     */
    @Transactional
    @CacheResult(cacheName = "default-organization-id") // every webhook asks; a slug's organization rarely changes
    public Optional<String> defaultOrgId() {
        return configuredDefault.flatMap(value -> resolve(value, tenants::organizationExists, tenants::orgIdOfSlug));
    }

    /** Whether a default organization is configured at all (resolved or not). */
    public boolean defaultConfigured() {
        return configuredDefault.isPresent();
    }

    /** Whether {@code orgId} is the default organization. */
    public boolean isDefault(String orgId) {
        return defaultOrgId().filter(orgId::equals).isPresent();
    }

    /**
     * The id of the organization a webhook path names: a known slug becomes its organization's id; anything
     * else is taken as an id (organizations the replica does not know keep working by id).
     */
    @Transactional
    public String idOfPath(String org) {
        if (tenants.organizationExists(org)) {
            return org;
        }
        return tenants.orgIdOfSlug(org).orElse(org);
    }

    /** Whether an admin path's {@code {org}} names {@code orgId}: its id, or its slug as the replica knows it. */
    @Transactional
    public boolean names(String pathOrg, String orgId) {
        return orgId.equals(pathOrg)
                || tenants.orgIdOfSlug(pathOrg).filter(orgId::equals).isPresent();
    }

    @Transactional
    public boolean known(String orgId) {
        return tenants.organizationExists(orgId);
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
