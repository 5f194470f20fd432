package dev.attest.compliance.service;

import dev.attest.common.problem.ProblemException;
import dev.attest.compliance.provider.KycProviderException;

/** How a failed provider call is answered: the caller learns what to do, never the provider's secrets. */
public final class ProviderProblems {
    private ProviderProblems() {}

    public static ProblemException of(KycProviderException e) {
        return switch (e.kind()) {
            case UNAVAILABLE -> new ProblemException(
                    503,
                    "kyc-provider-unavailable",
                    "KYC provider unavailable",
                    "The identity verification provider is not answering; try again in a minute.");
            case UNAUTHORIZED -> new ProblemException(
                    502,
                    "kyc-provider-misconfigured",
                    "KYC provider refused the organization's credentials",
                    "The organization's KYC provider settings are not accepted by the provider; an org admin"
                            + " must check them.");
            case REJECTED -> new ProblemException(
                    502, "kyc-provider-rejected", "KYC provider refused the request", e.getMessage());
        };
    }
}
