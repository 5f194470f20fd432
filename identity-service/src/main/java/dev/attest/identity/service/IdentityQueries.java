package dev.attest.identity.service;

import dev.attest.common.problem.ProblemException;
import dev.attest.identity.Claim;
import dev.attest.identity.Identity;
import dev.attest.identity.repository.ClaimRepository;
import dev.attest.identity.repository.IdentityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads a user's identity and claims, always within the caller's organization. */
@ApplicationScoped
public class IdentityQueries {
    private final IdentityRepository identities;
    private final ClaimRepository claims;

    IdentityQueries(IdentityRepository identities, ClaimRepository claims) {
        this.identities = identities;
        this.claims = claims;
    }

    /** The identity of {@code userId} in {@code orgId}; another organization's user is simply not found. */
    @Transactional
    public UserIdentity of(String orgId, String userId) {
        Identity identity = identities
                .findByUser(orgId, userId)
                .orElseThrow(() -> ProblemException.notFound("The identity of user " + userId));
        return new UserIdentity(identity, claims.ofIdentity(identity.id));
    }

    public record UserIdentity(Identity identity, List<Claim> claims) {}
}
