package dev.attest.common.testapp;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.Map;
import java.util.TreeSet;

/**
 * A provider's API for ProviderHttpTest: answers which headers and which body it received, with the status asked
 * for, after the delay asked for.
 */
@Path("/test/provider/things/{id}")
public class ProviderStandIn {
    @GET
    public Response get(
            @PathParam("id") String id,
            @QueryParam("status") @DefaultValue("200") int status,
            @QueryParam("delay_ms") @DefaultValue("0") long delayMs,
            @Context HttpHeaders headers) {
        return answer(status, delayMs, headers, new byte[0]);
    }

    @POST
    public Response post(
            @PathParam("id") String id,
            @QueryParam("status") @DefaultValue("200") int status,
            @Context HttpHeaders headers,
            byte[] body) {
        return answer(status, 0, headers, body);
    }

    private static Response answer(int status, long delayMs, HttpHeaders headers, byte[] body) {
        if (delayMs > 0) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Map<String, Object> received = Map.of(
                "header_names",
                        new TreeSet<>(headers.getRequestHeaders().keySet().stream()
                                .map(String::toLowerCase)
                                .toList()),
                "host", String.valueOf(headers.getHeaderString("Host")),
                "body", Base64.getEncoder().encodeToString(body));
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .header("Retry-After", "1")
                .entity(received)
                .build();
    }
}
