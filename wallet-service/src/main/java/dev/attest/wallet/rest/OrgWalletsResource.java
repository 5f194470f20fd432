package dev.attest.wallet.rest;

import dev.attest.common.security.Roles;
import dev.attest.wallet.service.OrgListingService;
import dev.attest.wallet.service.ProvisioningService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** What an organization's admins see of its wallets and transfers. */
@Path("/orgs/{org}")
@RolesAllowed(Roles.ORG_ADMIN)
public class OrgWalletsResource {
    private final OrgScope scope;
    private final OrgListingService listings;
    private final ProvisioningService provisioning;

    OrgWalletsResource(OrgScope scope, OrgListingService listings, ProvisioningService provisioning) {
        this.scope = scope;
        this.listings = listings;
        this.provisioning = provisioning;
    }

    /** Provisions again the wallet of a user whose provisioning failed for good: 202, pending. */
    @POST
    @Path("/users/{user_id}/wallet/retry")
    public Response retryProvisioning(@PathParam("org") String org, @PathParam("user_id") String userId) {
        return Response.accepted(provisioning.retry(scope.require(org), userId)).build();
    }

    /** The org's wallets from Dfns, paged as Dfns pages them, each with the user it belongs to. */
    @GET
    @Path("/wallets")
    public PageView<OrgWalletView> wallets(
            @PathParam("org") String org,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit,
            @QueryParam("page_token") String pageToken) {
        return listings.wallets(scope.require(org), limit, Optional.ofNullable(pageToken));
    }

    /** The org's transfers, oldest first. */
    @GET
    @Path("/transactions")
    public PageView<TransferView> transactions(
            @PathParam("org") String org,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit,
            @QueryParam("page_token") String pageToken) {
        return listings.transfers(scope.require(org), limit, Optional.ofNullable(pageToken));
    }
}
