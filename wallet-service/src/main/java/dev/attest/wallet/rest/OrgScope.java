package dev.attest.wallet.rest;

import dev.attest.common.problem.ProblemException;
import dev.attest.common.security.Caller;

/** Org-admin paths name the org; another org than the caller's answers 404, as if it did not exist. */
final class OrgScope {
    private OrgScope() {}

    static String require(Caller caller, String org) {
        String own = caller.orgId();
        if (!own.equals(org)) {
            throw ProblemException.notFound("Organization " + org);
        }
        return own;
    }
}
