package dev.attest.compliance.rest;

import dev.attest.common.problem.ProblemException;
import java.util.UUID;

/** Case ids in paths: something that is not a case id names no case. */
final class CaseIds {
    private CaseIds() {}

    static UUID parse(String caseId) {
        try {
            return UUID.fromString(caseId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("KYC case " + caseId);
        }
    }

    /** The organization in an admin path must be the caller's; another one's answers as if absent. */
    static void requireOwnOrg(String pathOrg, String callerOrg) {
        if (!pathOrg.equals(callerOrg)) {
            throw ProblemException.notFound("Organization " + pathOrg);
        }
    }
}
