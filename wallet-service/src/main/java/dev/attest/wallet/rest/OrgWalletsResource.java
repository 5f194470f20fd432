package dev.attest.wallet.rest;

import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.wallet.service.OrgListingService;
import dev.attest.wallet.service.OrgTransactionsService;
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
    private final Caller caller;
    private final OrgListingService listings;
    private final OrgTransactionsService transactions;
    private final ProvisioningService provisioning;

    OrgWalletsResource(
            Caller caller,
            OrgListingService listings,
            OrgTransactionsService transactions,
            ProvisioningService provisioning) {
        this.caller = caller;
        this.listings = listings;
        this.transactions = transactions;
        this.provisioning = provisioning;
    }

    /** Provisions again the wallet of a user whose provisioning failed for good: 202, pending. */
    @POST
    @Path("/users/{user_id}/wallet/retry")
    public Response retryProvisioning(@PathParam("org") String org, @PathParam("user_id") String userId) {
        return Response.accepted(MyWalletView.of(provisioning.retry(caller.ownOrg(org), userId)))
                .build();
    }

    /** The org's wallets from Dfns, paged as Dfns pages them, each with the user it belongs to. */
    @GET
    @Path("/wallets")
    public PageView<OrgWalletView> wallets(
            @PathParam("org") String org,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit,
            @QueryParam("page_token") String pageToken) {
        return PageView.of(
                listings.wallets(caller.ownOrg(org), limit, Optional.ofNullable(pageToken)), OrgWalletView::of);
    }

    /**
     * The org's transfers from Dfns, wallet by wallet as Dfns lists its wallets, each wallet's in Dfns's order; a
     * page may hold fewer than {@code limit} (it asks Dfns a bounded number of times): only a null
     * {@code next_page_token} ends the listing.
     */
    @GET
    @Path("/transactions")
    public PageView<TransferView> transactions(
            @PathParam("org") String org,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit,
            @QueryParam("page_token") String pageToken) {
        return PageView.of(
                transactions.page(
                        caller.ownOrg(org),
                        limit,
                        Optional.ofNullable(pageToken).filter(token -> !token.isBlank())),
                TransferView::of);
    }
}
