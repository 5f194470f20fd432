package dev.attest.identity.service;

/**
 * The identity or claim a step was about to be recorded for changed since it was read (e.g. its KYC case
 * was rejected meanwhile): the step's transaction is not recorded, so nothing is sent.
 */
class StepOvertakenException extends RuntimeException {
    StepOvertakenException(String message) {
        super(message);
    }
}
