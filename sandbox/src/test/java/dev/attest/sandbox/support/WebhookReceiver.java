package dev.attest.sandbox.support;

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
    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    public static final java.util.Map<String, Integer> ATTEMPTS = new java.util.concurrent.ConcurrentHashMap<>();

    public record Received(String signature, byte[] body) {}

    /** Answers 503 to the first two deliveries of each event, then 200: a receiver having a bad moment. */
    @POST
    @Path("/flaky")
    @Consumes(MediaType.WILDCARD)
    public Response flaky(@HeaderParam("Persona-Signature") String signature, byte[] body) {
        String event = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        int attempt = ATTEMPTS.merge(event, 1, Integer::sum);
        if (attempt <= 2) {
            return Response.status(503).build();
        }
        return receive(signature, body);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@HeaderParam("Persona-Signature") String signature, byte[] body) {
        RECEIVED.add(new Received(signature, body));
        return Response.ok().build();
    }
}
