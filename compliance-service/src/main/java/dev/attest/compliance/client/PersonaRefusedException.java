package dev.attest.compliance.client;

import dev.attest.compliance.provider.KycProviderException;

/** Persona answered and refused (4xx other than 429): the provider works, so the circuit stays closed. */
class PersonaRefusedException extends KycProviderException {
    PersonaRefusedException(Kind kind, int status, String message) {
        super(kind, status, message);
    }
}
