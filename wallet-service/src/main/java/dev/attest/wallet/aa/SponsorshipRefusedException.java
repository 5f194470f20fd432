package dev.attest.wallet.aa;

import dev.attest.common.problem.ProblemException;

/** A sponsorship the policy (or an external paymaster) refuses: nothing was reserved, signed or sent. */
public class SponsorshipRefusedException extends ProblemException {
    public SponsorshipRefusedException(int status, String slug, String detail) {
        super(status, slug, "Sponsorship refused", detail);
    }
}
