package dev.attest.gateway.rest;

import dev.attest.common.problem.ProblemException;
import dev.attest.gateway.security.EdgeCaller;
import dev.attest.gateway.security.EdgeCallers;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The caller of a tenancy endpoint: a signed-in user. API keys act on services, never on tenancy. */
@RequestScoped
public class SignedInUser {
    private final SecurityIdentity identity;
    private final EdgeCallers callers;

    SignedInUser(SecurityIdentity identity, EdgeCallers callers) {
        this.identity = identity;
        this.callers = callers;
    }

    public EdgeCaller get() {
        EdgeCaller caller = callers.of(identity);
        if (caller.isApiKey()) {
            throw ProblemException.forbidden("API keys cannot manage organizations; sign in as a user.");
        }
        return caller;
    }
}
