package dev.attest.gateway.admin;

import dev.attest.gateway.rest.SignedInUser;
import dev.attest.gateway.service.TenantAccess;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** An organization's plan, for its admins (and platform admins, who set it at {@code /platform}). */
@Path("/orgs/{org}/plan")
@Authenticated
public class OrgPlanResource {
    private final SignedInUser user;
    private final TenantAccess access;
    private final Plans plans;

    OrgPlanResource(SignedInUser user, TenantAccess access, Plans plans) {
        this.user = user;
        this.access = access;
        this.plans = plans;
    }

    @GET
    public Plans.Plan plan(@PathParam("org") String org) {
        return plans.of(access.requireAdmin(user.get(), org).org());
    }
}
