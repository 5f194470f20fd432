package dev.attest.compliance.client;

import dev.attest.compliance.provider.KycProviderException;

/** Sumsub answered and refused (4xx other than 429): the provider works, so the circuit stays closed. */
class SumsubRefusedException extends KycProviderException {
    SumsubRefusedException(Kind kind, int status, String message) {
        super(kind, status, message);
    }
}
