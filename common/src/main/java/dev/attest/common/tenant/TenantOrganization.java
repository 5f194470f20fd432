package dev.attest.common.tenant;

/** An organization as the gateway last announced it on {@code attest.tenant.v1}. */
public record TenantOrganization(String orgId, String slug, String name) {}
