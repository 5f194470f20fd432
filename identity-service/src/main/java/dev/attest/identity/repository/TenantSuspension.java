package dev.attest.identity.repository;

/**
 * The SQL condition "the organization of identity {@code i} is not suspended", read from common's tenant replica
 * ({@code attest_tenant_organization}, fed by the gateway's tenant events). An organization the replica does not
 * know is not suspended, as in common's {@code Tenants.suspended}. Identities belong to an organization, not to a
 * project (a user's identity serves every project of it), so only the organization's suspension applies.
 */
final class TenantSuspension {
    static final String NOT_SUSPENDED =
            "not exists (select 1 from attest_tenant_organization o" + " where o.org_id = i.org_id and o.suspended)";

    private TenantSuspension() {}
}
