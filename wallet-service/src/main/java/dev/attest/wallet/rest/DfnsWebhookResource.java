package dev.attest.wallet.rest;

import dev.attest.wallet.service.DfnsWebhookService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Receives the Dfns webhooks of one organization (the gateway forwards {@code /webhooks/dfns/**} with the
 * raw body). Authenticated by the body's signature, not by a token. Only 200 counts as delivered for
 * Dfns, so an event this service has no use for is still answered 200.
 */
@Path("/webhooks/dfns/{org}")
@PermitAll
public class DfnsWebhookResource {
    private final DfnsWebhookService webhooks;

    DfnsWebhookResource(DfnsWebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(
            @PathParam("org") String org, @HeaderParam("X-DFNS-WEBHOOK-SIGNATURE") String signature, byte[] body) {
        webhooks.receive(org, signature, body);
        return Response.ok().build();
    }
}
