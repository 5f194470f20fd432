package dev.attest.notification.rest;

import dev.attest.common.problem.ProblemException;

/** Page parameters every list shares; pages are capped so one request cannot read a whole table. */
final class Paging {
    static final int MAX_SIZE = 100;

    private Paging() {}

    static void check(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw ProblemException.badRequest(
                    "invalid-page", "page must be 0 or more and size between 1 and " + MAX_SIZE + ".");
        }
    }
}
