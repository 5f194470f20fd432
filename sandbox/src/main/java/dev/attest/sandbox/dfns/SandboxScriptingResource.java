package dev.attest.sandbox.dfns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The scripting side: accounts, faults and policy decisions for tests and operators. */
@Path("/dfns/_sandbox")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class SandboxScriptingResource {
    private final ServiceAccounts accounts;
    private final Faults faults;
    private final Wallets wallets;
    private final Transfers transfers;
    private final Webhooks webhooks;

    SandboxScriptingResource(
            ServiceAccounts accounts, Faults faults, Wallets wallets, Transfers transfers, Webhooks webhooks) {
        this.accounts = accounts;
        this.faults = faults;
        this.wallets = wallets;
        this.transfers = transfers;
        this.webhooks = webhooks;
    }

    /**
     * Registers a service account with one credential: body {@code {publicKey (PEM), orgId?, webhookUrl?}}.
     * With {@code webhookUrl}, also subscribes it to every event and answers its secret.
     */
    @POST
    @Path("/service-accounts")
    public Response createServiceAccount(String body) {
        ObjectNode request = DfnsJson.parseObject(body);
        ObjectNode account = accounts.create(
                request.path("publicKey").asText(""), request.path("orgId").asText(null));
        if (request.hasNonNull("webhookUrl")) {
            ObjectNode subscription = DfnsJson.object();
            subscription.put("url", request.get("webhookUrl").asText());
            subscription.putArray("events").add("*");
            account.set("webhook", webhooks.create(account.get("orgId").asText(), subscription));
        }
        return DfnsJson.ok(account);
    }

    @POST
    @Path("/faults")
    public Response addFault(String body) {
        faults.add(DfnsJson.parseObject(body));
        return Response.noContent().build();
    }

    @DELETE
    @Path("/faults")
    public Response clearFaults() {
        faults.clear();
        return Response.noContent().build();
    }

    @POST
    @Path("/wallets/{walletId}/transfers/{transferId}/approve")
    public Response approve(@PathParam("walletId") String walletId, @PathParam("transferId") String id) {
        transfers.decide(wallets.find(walletId), id, true);
        return Response.noContent().build();
    }

    @POST
    @Path("/wallets/{walletId}/transfers/{transferId}/reject")
    public Response reject(@PathParam("walletId") String walletId, @PathParam("transferId") String id) {
        transfers.decide(wallets.find(walletId), id, false);
        return Response.noContent().build();
    }
}
