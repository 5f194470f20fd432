package dev.attest.common.testapp;

import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;

/** Echoes the caller the gateway's token states, for the security tests. */
@Path("/test/whoami")
public class WhoAmIResource {
    private final Caller caller;

    WhoAmIResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.USER)
    public Map<String, String> whoAmI() {
        return Map.of("org_id", caller.orgId(), "subject", caller.subject());
    }

    @GET
    @Path("/admin")
    @RolesAllowed(Roles.ORG_ADMIN)
    public Map<String, String> admin() {
        return Map.of("org_id", caller.orgId());
    }

    @GET
    @Path("/orgs/{org}")
    @RolesAllowed(Roles.ORG_ADMIN)
    public Map<String, String> ownOrg(@PathParam("org") String org) {
        return Map.of("org_id", caller.ownOrg(org));
    }
}
