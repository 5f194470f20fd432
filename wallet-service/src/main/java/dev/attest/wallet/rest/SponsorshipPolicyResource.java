package dev.attest.wallet.rest;

import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.wallet.aa.SponsorshipPolicies;
import dev.attest.wallet.aa.SponsorshipPolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * A project's gas sponsorship: what its paymaster pays for (ERC-4337 transfers from its users' smart accounts) and
 * what it has used this month. Another organization's project, or an unknown one, answers 404.
 */
@Path("/orgs/{org}/sponsorship/{project_id}")
@RolesAllowed(Roles.ORG_ADMIN)
public class SponsorshipPolicyResource {
    private final Caller caller;
    private final SponsorshipPolicies policies;

    SponsorshipPolicyResource(Caller caller, SponsorshipPolicies policies) {
        this.caller = caller;
        this.policies = policies;
    }

    @GET
    public SponsorshipPolicyView get(@PathParam("org") String org, @PathParam("project_id") String projectId) {
        return view(policies.get(caller.ownOrg(org), projectId));
    }

    /** Replaces the policy (a part absent: none; the API key absent: kept); it applies to the next operation. */
    @PUT
    public SponsorshipPolicyView put(
            @PathParam("org") String org,
            @PathParam("project_id") String projectId,
            @Valid @NotNull SponsorshipPolicyRequest request) {
        return view(policies.put(caller.ownOrg(org), projectId, request, caller.subject()));
    }

    private SponsorshipPolicyView view(SponsorshipPolicy policy) {
        return SponsorshipPolicyView.of(policy, policies.usage(policy));
    }
}
