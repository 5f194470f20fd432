package dev.attest.wallet.rest;

import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.wallet.service.SpendingPolicyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * An organization's spending policy on its own: read and replaced without sending the Dfns settings, so
 * changing a limit needs no Dfns secret and leaves them as they are. It is kept with the org's stored Dfns
 * settings: without them, 409 {@code dfns-not-configured}.
 */
@Path("/orgs/{org}/spending-policy")
@RolesAllowed(Roles.ORG_ADMIN)
public class SpendingPolicyResource {
    private final Caller caller;
    private final SpendingPolicyService policies;

    SpendingPolicyResource(Caller caller, SpendingPolicyService policies) {
        this.caller = caller;
        this.policies = policies;
    }

    /** The policy; a part null means none. */
    @GET
    public SpendingPolicyView get(@PathParam("org") String org) {
        return SpendingPolicyView.of(policies.get(caller.ownOrg(org)));
    }

    /** Replaces the whole policy (a part absent or null: none); it applies to the next transfer. */
    @PUT
    public SpendingPolicyView put(@PathParam("org") String org, @Valid @NotNull SpendingPolicyRequest request) {
        return SpendingPolicyView.of(policies.put(caller.ownOrg(org), request, caller.subject()));
    }
}
