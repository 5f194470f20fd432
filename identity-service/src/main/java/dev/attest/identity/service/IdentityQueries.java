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
    private final WalletLinks wallets;

    IdentityQueries(IdentityRepository identities, ClaimRepository claims, WalletLinks wallets) {
        this.identities = identities;
        this.claims = claims;
        this.wallets = wallets;
    }

    /** The identity of {@code userId} in {@code orgId}; another organization's user is simply not found. */
    @Transactional
    public UserIdentity of(String orgId, String userId) {
        Identity identity = identities
                .findByUser(orgId, userId)
                .orElseThrow(() -> ProblemException.notFound("The identity of user " + userId));
        return new UserIdentity(identity, wallets.of(identity), claims.ofIdentity(identity.id));
    }

    /** An identity with all its wallets (the first one first) and its claims. */
    public record UserIdentity(Identity identity, List<String> wallets, List<Claim> claims) {}
}
