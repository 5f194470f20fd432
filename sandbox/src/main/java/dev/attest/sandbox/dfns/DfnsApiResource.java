package dev.attest.sandbox.dfns;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The Dfns API subset on Dfns's paths under {@code /dfns}: user-action signing, wallets, their assets,
 * transfers, signatures and webhooks. Every call needs a service-account bearer token; every non-GET call also needs a
 * single-use {@code x-dfns-useraction} token signed for exactly that method, path and body.
 */
@Path("/dfns")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class DfnsApiResource {
    /** Where the Dfns API root is served. */
    public static final String MOUNT = "/dfns";

    private static final String AUTHORIZATION = "Authorization";
    private static final String USER_ACTION = "x-dfns-useraction";

    private final ServiceAccounts accounts;
    private final UserActions userActions;
    private final Wallets wallets;
    private final Transfers transfers;
    private final Webhooks webhooks;
    private final Assets assets;
    private final Signatures signatures;

    @Context
    UriInfo uri;

    DfnsApiResource(
            ServiceAccounts accounts,
            UserActions userActions,
            Wallets wallets,
            Transfers transfers,
            Webhooks webhooks,
            Assets assets,
            Signatures signatures) {
        this.accounts = accounts;
        this.userActions = userActions;
        this.wallets = wallets;
        this.transfers = transfers;
        this.webhooks = webhooks;
        this.assets = assets;
        this.signatures = signatures;
    }

    @POST
    @Path("/auth/action/init")
    public Response initUserAction(@HeaderParam(AUTHORIZATION) String authorization, String body) {
        return DfnsJson.ok(userActions.init(accounts.authenticate(authorization), DfnsJson.parseObject(body)));
    }

    @POST
    @Path("/auth/action")
    public Response signUserAction(@HeaderParam(AUTHORIZATION) String authorization, String body) {
        return DfnsJson.ok(userActions.sign(accounts.authenticate(authorization), DfnsJson.parseObject(body)));
    }

    @POST
    @Path("/wallets")
    public Response createWallet(
            @HeaderParam(AUTHORIZATION) String authorization, @HeaderParam(USER_ACTION) String action, String body) {
        ServiceAccounts.Account account = signedAction(authorization, action, body);
        return DfnsJson.ok(wallets.create(account.orgId(), DfnsJson.parseObject(body), body)
                .wallet()
                .toJson());
    }

    @GET
    @Path("/wallets")
    public Response listWallets(
            @HeaderParam(AUTHORIZATION) String authorization,
            @QueryParam("limit") Integer limit,
            @QueryParam("paginationToken") String paginationToken) {
        return DfnsJson.ok(wallets.list(accounts.authenticate(authorization).orgId(), limit, paginationToken));
    }

    @GET
    @Path("/wallets/{walletId}")
    public Response getWallet(@HeaderParam(AUTHORIZATION) String authorization, @PathParam("walletId") String id) {
        return DfnsJson.ok(
                wallets.get(accounts.authenticate(authorization).orgId(), id).toJson());
    }

    /** The wallet's native balance and the ERC-20 tokens it holds, read from the EVM node ({@link Assets}). */
    @GET
    @Path("/wallets/{walletId}/assets")
    public Response getWalletAssets(
            @HeaderParam(AUTHORIZATION) String authorization, @PathParam("walletId") String walletId) {
        return DfnsJson.ok(
                assets.of(wallets.get(accounts.authenticate(authorization).orgId(), walletId)));
    }

    @POST
    @Path("/wallets/{walletId}/transfers")
    public Response transfer(
            @HeaderParam(AUTHORIZATION) String authorization,
            @HeaderParam(USER_ACTION) String action,
            @PathParam("walletId") String walletId,
            String body) {
        ServiceAccounts.Account account = signedAction(authorization, action, body);
        SandboxWallet wallet = wallets.get(account.orgId(), walletId);
        Transfers.Created created = transfers.create(wallet, account.tokenId(), DfnsJson.parseObject(body));
        // 202: the transfer waits for a policy approval; the SDK raises PolicyPendingError on it.
        boolean pending =
                !created.existing() && "Pending".equals(created.transfer().status());
        return DfnsJson.status(pending ? 202 : 200, created.transfer().toJson());
    }

    @GET
    @Path("/wallets/{walletId}/transfers")
    public Response listTransfers(
            @HeaderParam(AUTHORIZATION) String authorization,
            @PathParam("walletId") String walletId,
            @QueryParam("limit") Integer limit,
            @QueryParam("paginationToken") String paginationToken) {
        SandboxWallet wallet = wallets.get(accounts.authenticate(authorization).orgId(), walletId);
        return DfnsJson.ok(transfers.list(wallet, limit, paginationToken));
    }

    @GET
    @Path("/wallets/{walletId}/transfers/{transferId}")
    public Response getTransfer(
            @HeaderParam(AUTHORIZATION) String authorization,
            @PathParam("walletId") String walletId,
            @PathParam("transferId") String transferId) {
        SandboxWallet wallet = wallets.get(accounts.authenticate(authorization).orgId(), walletId);
        return DfnsJson.ok(transfers.get(wallet, transferId).toJson());
    }

    /** Dfns's signature generation with the wallet's key ({@link Signatures}): Hash, Message (EIP-191), Eip712. */
    @POST
    @Path("/wallets/{walletId}/signatures")
    public Response generateSignature(
            @HeaderParam(AUTHORIZATION) String authorization,
            @HeaderParam(USER_ACTION) String action,
            @PathParam("walletId") String walletId,
            String body) {
        ServiceAccounts.Account account = signedAction(authorization, action, body);
        SandboxWallet wallet = wallets.get(account.orgId(), walletId);
        return DfnsJson.ok(signatures
                .create(wallet, account.tokenId(), DfnsJson.parseObject(body))
                .signature()
                .toJson());
    }

    @GET
    @Path("/wallets/{walletId}/signatures")
    public Response listSignatures(
            @HeaderParam(AUTHORIZATION) String authorization,
            @PathParam("walletId") String walletId,
            @QueryParam("limit") Integer limit,
            @QueryParam("paginationToken") String paginationToken) {
        SandboxWallet wallet = wallets.get(accounts.authenticate(authorization).orgId(), walletId);
        return DfnsJson.ok(signatures.list(wallet, limit, paginationToken));
    }

    @GET
    @Path("/wallets/{walletId}/signatures/{signatureId}")
    public Response getSignature(
            @HeaderParam(AUTHORIZATION) String authorization,
            @PathParam("walletId") String walletId,
            @PathParam("signatureId") String signatureId) {
        SandboxWallet wallet = wallets.get(accounts.authenticate(authorization).orgId(), walletId);
        return DfnsJson.ok(signatures.get(wallet, signatureId).toJson());
    }

    @POST
    @Path("/webhooks")
    public Response createWebhook(
            @HeaderParam(AUTHORIZATION) String authorization, @HeaderParam(USER_ACTION) String action, String body) {
        ServiceAccounts.Account account = signedAction(authorization, action, body);
        return DfnsJson.ok(webhooks.create(account.orgId(), DfnsJson.parseObject(body)));
    }

    @GET
    @Path("/webhooks")
    public Response listWebhooks(@HeaderParam(AUTHORIZATION) String authorization) {
        return DfnsJson.ok(webhooks.list(accounts.authenticate(authorization).orgId()));
    }

    private ServiceAccounts.Account signedAction(String authorization, String action, String body) {
        ServiceAccounts.Account account = accounts.authenticate(authorization);
        userActions.consume(account, action, "POST", uri.getRequestUri().getRawPath(), body);
        return account;
    }
}
