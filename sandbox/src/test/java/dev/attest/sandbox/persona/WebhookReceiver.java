package dev.attest.sandbox.persona;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook endpoint for the tests: records what the sandbox delivers, answers 200. */
@Path("/test/persona-receiver")
public class WebhookReceiver {
    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

    record Received(String signature, byte[] body) {}

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@HeaderParam("Persona-Signature") String signature, byte[] body) {
        RECEIVED.add(new Received(signature, body));
        return Response.ok().build();
    }
}
