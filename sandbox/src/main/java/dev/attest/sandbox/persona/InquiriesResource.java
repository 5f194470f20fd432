package dev.attest.sandbox.persona;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Persona's inquiry API on its real paths ({@code /api/v1/inquiries...}, mounted under {@code /persona}):
 * Bearer key, JSON:API with kebab-case keys, {@code errors[]}, {@code Idempotency-Key} on POSTs, and
 * {@code RateLimit-*} headers. Auth and rate limiting come before idempotency, as at Persona, so 401 and
 * 429 are never replayed.
 */
@Path("/persona/api/v1/inquiries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Blocking
@Tag(name = "Persona sandbox")
public class InquiriesResource {
    private final PersonaSandbox sandbox;
    private final RateLimiter rateLimiter;
    private final IdempotencyStore idempotency;
    private final FaultInjector faults;

    InquiriesResource(
            PersonaSandbox sandbox, RateLimiter rateLimiter, IdempotencyStore idempotency, FaultInjector faults) {
        this.sandbox = sandbox;
        this.rateLimiter = rateLimiter;
        this.idempotency = idempotency;
        this.faults = faults;
    }

    @POST
    public Response create(
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            byte[] body) {
        return post(authorization, idempotencyKey, "/inquiries", body, (apiKey, json) -> sandbox.create(apiKey, json));
    }

    @GET
    @Path("/{id}")
    public Response retrieve(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        return call(authorization, apiKey -> sandbox.retrieve(apiKey, id));
    }

    @GET
    public Response list(
            @HeaderParam("Authorization") String authorization,
            @QueryParam("filter[reference-id]") String referenceId,
            @QueryParam("page[size]") Integer size,
            @QueryParam("page[after]") String after) {
        int pageSize = size == null ? 10 : Math.max(1, Math.min(size, 100));
        return call(authorization, apiKey -> sandbox.list(apiKey, referenceId, pageSize, after));
    }

    @POST
    @Path("/{id}/resume")
    public Response resume(
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @PathParam("id") String id,
            byte[] body) {
        return post(
                authorization,
                idempotencyKey,
                "/" + id + "/resume",
                body,
                (apiKey, json) -> sandbox.resume(apiKey, id));
    }

    /** The link points at this sandbox's hosted page, on the host the API was called on. */
    @POST
    @Path("/{id}/generate-one-time-link")
    public Response generateOneTimeLink(
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @PathParam("id") String id,
            @Context UriInfo uri,
            byte[] body) {
        String hostedPage =
                uri.getBaseUriBuilder().path("persona/verify").build().toString();
        return post(
                authorization,
                idempotencyKey,
                "/" + id + "/generate-one-time-link",
                body,
                (apiKey, json) -> sandbox.oneTimeLink(apiKey, id, hostedPage));
    }

    @POST
    @Path("/{id}/approve")
    public Response approve(
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @PathParam("id") String id,
            byte[] body) {
        return post(
                authorization,
                idempotencyKey,
                "/" + id + "/approve",
                body,
                (apiKey, json) -> sandbox.decide(apiKey, id, true));
    }

    @POST
    @Path("/{id}/decline")
    public Response decline(
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @PathParam("id") String id,
            byte[] body) {
        return post(
                authorization,
                idempotencyKey,
                "/" + id + "/decline",
                body,
                (apiKey, json) -> sandbox.decide(apiKey, id, false));
    }

    @DELETE
    @Path("/{id}")
    public Response redact(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        return call(authorization, apiKey -> sandbox.redact(apiKey, id));
    }

    private interface PostCall {
        ApiResponse apply(String apiKey, JsonNode body);
    }

    private Response post(String authorization, String idempotencyKey, String path, byte[] body, PostCall call) {
        return call(
                authorization,
                apiKey -> idempotency.once(apiKey, idempotencyKey, path, body, () -> PersonaJson.parse(body)
                        .map(json -> call.apply(apiKey, json))
                        .orElseGet(() -> ApiResponse.error(400, "Bad request", "The request body is not valid JSON"))));
    }

    private Response call(String authorization, Function<String, ApiResponse> call) {
        Optional<String> apiKey =
                bearer(authorization).filter(key -> sandbox.tenant(key).isPresent());
        if (apiKey.isEmpty()) {
            return respond(ApiResponse.error(401, "Unauthorized", "Must be authenticated with a valid API key"), null);
        }
        RateLimiter.Decision limit = rateLimiter.take(apiKey.get());
        if (!limit.allowed()) {
            return respond(ApiResponse.error(429, "Too many requests", "Rate limit exceeded; retry later"), limit);
        }
        Optional<Integer> fault = faults.before(apiKey.get());
        if (fault.isPresent()) {
            return respond(ApiResponse.error(fault.get(), "Internal server error", "Scripted sandbox failure"), limit);
        }
        return respond(call.apply(apiKey.get()), limit);
    }

    private static Optional<String> bearer(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring("Bearer ".length()).trim()).filter(key -> !key.isEmpty());
    }

    private static Response respond(ApiResponse answer, RateLimiter.Decision limit) {
        Response.ResponseBuilder response = Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(PersonaJson.write(answer.body()));
        if (limit != null) {
            response.header("RateLimit-Limit", limit.limit())
                    .header("RateLimit-Remaining", limit.remaining())
                    .header("RateLimit-Reset", limit.resetSeconds());
            if (!limit.allowed()) {
                response.header("Retry-After", limit.resetSeconds());
            }
        }
        return response.build();
    }
}
