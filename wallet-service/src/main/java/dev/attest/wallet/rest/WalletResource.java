package dev.attest.wallet.rest;

import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.wallet.aa.SponsorshipAdmission;
import dev.attest.wallet.service.ProvisioningService;
import dev.attest.wallet.service.TransferService;
import dev.attest.wallet.service.WalletAssetsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** A user's own wallet and transfers. */
@Path("/wallets")
@RolesAllowed(Roles.USER)
public class WalletResource {
    private static final String LIMIT_1_TO_100 = "[1-9][0-9]?|100";

    private final Caller caller;
    private final ProvisioningService provisioning;
    private final TransferService transfers;
    private final WalletAssetsService assets;
    private final SponsorshipAdmission sponsorship;

    WalletResource(
            Caller caller,
            ProvisioningService provisioning,
            TransferService transfers,
            WalletAssetsService assets,
            SponsorshipAdmission sponsorship) {
        this.sponsorship = sponsorship;
        this.caller = caller;
        this.provisioning = provisioning;
        this.transfers = transfers;
        this.assets = assets;
    }

    /** The caller's wallet: provisioning status (none, pending, provisioned, failed) and address. */
    @GET
    @Path("/me")
    public MyWalletView me() {
        return provisioning
                .statusOf(caller.orgId(), caller.subject())
                .map(wallet -> MyWalletView.of(wallet, sponsorship.refusalFor(wallet)))
                .orElseGet(MyWalletView::none);
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

    /**
     * The balances of the caller's wallet, from Dfns: the native asset, then the tokens it holds. Another
     * user's wallet answers 404; a wallet not provisioned yet 409; 503 when Dfns does not answer, 502 when
     * it refuses. {@code GET /wallets/me} never calls Dfns, so it answers whatever Dfns does.
     */
    @GET
    @Path("/{wallet_id}/assets")
    public WalletAssetsView assets(@PathParam("wallet_id") String walletId) {
        WalletAssetsService.WalletAssets found = assets.of(caller.orgId(), caller.subject(), walletId);
        return WalletAssetsView.of(found.wallet(), found.assets());
    }

    /**
     * The transfers of the caller's wallet, newest first, each as {@code GET .../transfers/{transfer_id}}
     * answers it; {@code next_page_token} goes back as {@code page_token}. Another user's wallet answers
     * 404. {@code limit} is taken as text and checked, so that any out-of-range value, however large,
     * answers 400.
     */
    @GET
    @Path("/{wallet_id}/transfers")
    public PageView<TransferView> transfers(
            @PathParam("wallet_id") String walletId,
            @Parameter(
                            description = "Transfers per page, 1 to 100.",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "100",
                                            defaultValue = "50"))
                    @QueryParam("limit")
                    @DefaultValue("50")
                    @Pattern(regexp = LIMIT_1_TO_100, message = "must be an integer from 1 to 100")
                    String limit,
            @Parameter(description = "next_page_token of the previous page.") @QueryParam("page_token")
                    String pageToken) {
        return PageView.of(
                transfers.history(
                        caller.orgId(),
                        caller.subject(),
                        walletId,
                        Integer.parseInt(limit),
                        Optional.ofNullable(pageToken).filter(token -> !token.isBlank())),
                TransferView::of);
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
