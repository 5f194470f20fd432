package dev.attest.sandbox.sumsub;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Sumsub webhook endpoint for the tests: records what arrives with its digest headers. */
@Path("/test/sumsub-receiver")
public class SumsubReceiver {
    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, Integer> ATTEMPTS = new ConcurrentHashMap<>();

    record Received(String digest, String alg, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(
            @HeaderParam("X-Payload-Digest") String digest,
            @HeaderParam("X-Payload-Digest-Alg") String alg,
            byte[] body) {
        RECEIVED.add(new Received(digest, alg, body));
        return Response.ok().build();
    }

    /** Answers 500 to the first delivery of each webhook, then records it: a receiver having a bad moment. */
    @POST
    @Path("/flaky")
    @Consumes(MediaType.WILDCARD)
    public Response flaky(
            @HeaderParam("X-Payload-Digest") String digest,
            @HeaderParam("X-Payload-Digest-Alg") String alg,
            byte[] body) {
        if (ATTEMPTS.merge(new String(body, StandardCharsets.UTF_8), 1, Integer::sum) == 1) {
            return Response.serverError().build();
        }
        return receive(digest, alg, body);
    }
}
