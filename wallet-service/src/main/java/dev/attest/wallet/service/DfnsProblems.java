package dev.attest.wallet.service;

import dev.attest.common.problem.ProblemException;

/**
 * How an API call that asks Dfns on the caller's behalf answers when Dfns cannot: in our words only, never
 * Dfns's (its answer is not repeated to the caller; the log keeps the status).
 */
final class DfnsProblems {
    private DfnsProblems() {}

    static ProblemException notConfigured() {
        return new ProblemException(
                409, "dfns-not-configured", "Dfns not configured", "The organization has no Dfns settings.");
    }

    static ProblemException unavailable() {
        return new ProblemException(503, "dfns-unavailable", "Dfns unavailable", "Dfns did not answer; try again.");
    }

    static ProblemException refused() {
        return new ProblemException(
                502,
                "dfns-refused",
                "Dfns refused",
                "Dfns refused the request; check the organization's Dfns settings.");
    }
}
