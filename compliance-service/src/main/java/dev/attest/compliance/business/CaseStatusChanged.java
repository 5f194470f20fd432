package dev.attest.compliance.business;

import dev.attest.compliance.KycCase;

/**
 * A KYC case's status changed (fired synchronously by {@code CaseTransitions}, inside the change's transaction): an
 * owner's case moving moves its business case in the same commit.
 */
public record CaseStatusChanged(KycCase kycCase, KycCase.Transition transition) {}
