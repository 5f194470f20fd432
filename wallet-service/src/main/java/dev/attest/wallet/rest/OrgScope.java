package dev.attest.wallet.rest;

import dev.attest.common.problem.ProblemException;
import dev.attest.common.security.Caller;
import dev.attest.wallet.tenant.Tenants;
import jakarta.enterprise.context.RequestScoped;

/**
 * Org-admin paths name the org by id or by slug (as the gateway's do); another org than the caller's
 * answers 404, as if it did not exist.
 */
@RequestScoped
public class OrgScope {
    private final Caller caller;
    private final Tenants tenants;

    OrgScope(Caller caller, Tenants tenants) {
        this.caller = caller;
        this.tenants = tenants;
    }

    /** The caller's org id, if {@code org} names it; otherwise 404. */
    String require(String org) {
        String own = caller.orgId();
        if (!tenants.names(org, own)) {
            throw ProblemException.notFound("Organization " + org);
        }
        return own;
    }
}
