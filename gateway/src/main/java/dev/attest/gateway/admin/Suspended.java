package dev.attest.gateway.admin;

import dev.attest.common.problem.ProblemException;

/** The refusal of a request by or for something a platform admin suspended: 403 problem {@code suspended}. */
final class Suspended {
    static final String SLUG = "suspended";

    private Suspended() {}

    /** {@code what}: e.g. "Organization acme", "Project 5f…", "User auth0|42". */
    static ProblemException refusal(String what) {
        return new ProblemException(
                403,
                SLUG,
                "Suspended",
                what + " is suspended by the platform's administrators; nothing is done for it until it is"
                        + " reactivated.");
    }
}
