package dev.attest.wallet.rest;

import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.wallet.service.DfnsSettingsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** An organization's Dfns settings: set, read (secrets masked), and proven. */
@Path("/orgs/{org}/integrations/dfns")
@RolesAllowed(Roles.ORG_ADMIN)
public class DfnsSettingsResource {
    private final Caller caller;
    private final DfnsSettingsService settings;

    DfnsSettingsResource(Caller caller, DfnsSettingsService settings) {
        this.caller = caller;
        this.settings = settings;
    }

    /**
     * Replaces the whole Dfns settings. The spending policy fields are still accepted and replace the policy
     * (absent: none), as before; the policy has its own endpoint, {@code /orgs/{org}/spending-policy}.
     */
    @PUT
    public DfnsSettingsView put(@PathParam("org") String org, @Valid @NotNull DfnsSettingsRequest request) {
        return DfnsSettingsView.of(settings.put(caller.ownOrg(org), request, caller.subject()));
    }

    @GET
    public DfnsSettingsView get(@PathParam("org") String org) {
        return DfnsSettingsView.of(settings.get(caller.ownOrg(org)));
    }

    /** Proves the token and the signing key without creating anything; says which part failed. */
    @POST
    @Path("/test")
    public CredentialCheckView test(@PathParam("org") String org) {
        return CredentialCheckView.of(settings.check(caller.ownOrg(org)));
    }
}
