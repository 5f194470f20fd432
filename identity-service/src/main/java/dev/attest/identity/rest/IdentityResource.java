package dev.attest.identity.rest;

import dev.attest.common.problem.ProblemException;
import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.identity.client.ChainUnavailableException;
import dev.attest.identity.service.ClaimVerifier;
import dev.attest.identity.service.IdentityQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigInteger;
import java.util.regex.Pattern;

/** Users' on-chain identities and claims, and claim verification answered from the chain. */
@Path("/identities")
@Produces(MediaType.APPLICATION_JSON)
public class IdentityResource {
    private static final Pattern ADDRESS = Pattern.compile("^0x[0-9a-fA-F]{40}$");
    private static final Pattern TOPIC = Pattern.compile("^[0-9]{1,77}$");

    private final Caller caller;
    private final IdentityQueries queries;
    private final ClaimVerifier verifier;

    IdentityResource(Caller caller, IdentityQueries queries, ClaimVerifier verifier) {
        this.caller = caller;
        this.queries = queries;
        this.verifier = verifier;
    }

    /** The signed-in user's identity. */
    @GET
    @Path("/me")
    @RolesAllowed({Roles.USER, Roles.ORG_ADMIN})
    public IdentityView mine() {
        return IdentityView.of(queries.of(caller.orgId(), caller.subject()));
    }

    /** A user's identity: org admins see their organization's users, a user only themself. */
    @GET
    @Path("/{user}")
    @RolesAllowed({Roles.USER, Roles.ORG_ADMIN})
    public IdentityView ofUser(@PathParam("user") String userId) {
        if (!caller.hasRole(Roles.ORG_ADMIN) && !userId.equals(caller.subject())) {
            throw ProblemException.forbidden("A user may only see their own identity.");
        }
        return IdentityView.of(queries.of(caller.orgId(), userId));
    }

    /** Whether {@code wallet}'s identity holds a valid claim of the platform's issuer on {@code topic}. */
    @GET
    @Path("/verify")
    @RolesAllowed({Roles.USER, Roles.ORG_ADMIN, Roles.API_KEY})
    public ClaimVerifier.Verification verify(@QueryParam("wallet") String wallet, @QueryParam("topic") String topic) {
        if (wallet == null || !ADDRESS.matcher(wallet).matches()) {
            throw ProblemException.badRequest("invalid-wallet", "wallet must be a 0x-prefixed 20-byte hex address.");
        }
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw ProblemException.badRequest("invalid-topic", "topic must be a non-negative integer claim topic.");
        }
        try {
            return verifier.verify(wallet, new BigInteger(topic)).orElseThrow(IdentityResource::chainNotReady);
        } catch (ChainUnavailableException e) {
            throw chainNotReady();
        }
    }

    private static ProblemException chainNotReady() {
        return new ProblemException(
                503, "chain-unavailable", "Service unavailable", "The chain cannot be read right now; try again.");
    }
}
