package dev.attest.compliance.rest;

import dev.attest.common.problem.ProblemException;
import dev.attest.common.security.Caller;
import dev.attest.compliance.service.OrganizationNames;
import jakarta.enterprise.context.RequestScoped;

/**
 * The organization of an admin path ({@code /orgs/{org}/...}): the caller's own, named by its id or its
 * slug as at the gateway. Any other organization answers 404, as if it did not exist.
 */
@RequestScoped
class OrgPaths {
    private final Caller caller;
    private final OrganizationNames names;

    OrgPaths(Caller caller, OrganizationNames names) {
        this.caller = caller;
        this.names = names;
    }

    /** The caller's organization id, if {@code pathOrg} names it. */
    String own(String pathOrg) {
        String orgId = caller.orgId();
        // A name no organization can have (too long, or with a NUL the database cannot even compare) is not
        // looked up: 404 as for any other organization.
        if (pathOrg.length() > 255 || pathOrg.indexOf('\u0000') >= 0 || !names.names(pathOrg, orgId)) {
            throw ProblemException.notFound("Organization");
        }
        return orgId;
    }
}
