package dev.attest.wallet.rest;

import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.wallet.service.ProvisioningService;
import dev.attest.wallet.service.TransferService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** A user's own wallet and transfers. */
@Path("/wallets")
@RolesAllowed(Roles.USER)
public class WalletResource {
    private final Caller caller;
    private final ProvisioningService provisioning;
    private final TransferService transfers;

    WalletResource(Caller caller, ProvisioningService provisioning, TransferService transfers) {
        this.caller = caller;
        this.provisioning = provisioning;
        this.transfers = transfers;
    }

    /** The caller's wallet: provisioning status (none, pending, provisioned, failed) and address. */
    @GET
    @Path("/me")
    public MyWalletView me() {
        return provisioning.statusOf(caller.orgId(), caller.subject());
    }

    /**
     * Requests a transfer out of the caller's wallet. The same Idempotency-Key with the same body answers
     * the same transfer (200); with another body, 409. A new transfer answers 202: it is under way.
     */
    @POST
    @Path("/{wallet_id}/transfers")
    public Response transfer(
            @PathParam("wallet_id") String walletId,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            TransferRequest request) {
        TransferService.Outcome outcome =
                transfers.request(caller.orgId(), caller.subject(), walletId, idempotencyKey, request);
        return Response.status(outcome.created() ? 202 : 200)
                .entity(TransferView.of(outcome.transfer()))
                .build();
    }

    @GET
    @Path("/{wallet_id}/transfers/{transfer_id}")
    public TransferView transfer(@PathParam("wallet_id") String walletId, @PathParam("transfer_id") String transferId) {
        var transfer = transfers.get(caller.orgId(), caller.subject(), transferId);
        if (!transfer.walletId.toString().equals(walletId)) {
            throw dev.attest.common.problem.ProblemException.notFound("Transfer " + transferId);
        }
        return TransferView.of(transfer);
    }
}
