package dev.attest.gateway.rest;

import dev.attest.common.problem.ProblemException;
import dev.attest.gateway.security.EdgeCaller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The caller of a tenancy endpoint: a signed-in user. API keys act on services, never on tenancy. */
@RequestScoped
public class SignedInUser {
    private final SecurityIdentity identity;

    SignedInUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public EdgeCaller get() {
        EdgeCaller caller = EdgeCaller.of(identity);
        if (caller.isApiKey()) {
            throw ProblemException.forbidden("API keys cannot manage organizations; sign in as a user.");
        }
        return caller;
    }
}
