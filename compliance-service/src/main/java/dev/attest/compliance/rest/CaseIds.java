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
}
