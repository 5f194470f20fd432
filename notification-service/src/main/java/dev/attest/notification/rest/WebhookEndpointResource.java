package dev.attest.notification.rest;

import dev.attest.common.paging.PageRequest;
import dev.attest.common.problem.ProblemException;
import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.notification.webhook.EndpointInput;
import dev.attest.notification.webhook.WebhookEndpoints;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Webhook endpoints of a project, managed by the org's admins. */
@Path("/orgs/{org}/projects/{project}/webhooks/endpoints")
@RolesAllowed(Roles.ORG_ADMIN)
public class WebhookEndpointResource {
    private final WebhookEndpoints endpoints;
    private final Caller caller;

    WebhookEndpointResource(WebhookEndpoints endpoints, Caller caller) {
        this.endpoints = endpoints;
        this.caller = caller;
    }

    /** A recover request: resend what failed since this time. */
    public record RecoverRequest(String since) {}

    @POST
    public Response create(@PathParam("org") String org, @PathParam("project") String project, EndpointInput input) {
        var created = endpoints.create(own(org), project, required(input));
        return Response.status(201)
                .entity(EndpointView.withSecret(created.endpoint(), created.secret()))
                .build();
    }

    @GET
    public List<EndpointView> list(@PathParam("org") String org, @PathParam("project") String project) {
        return endpoints.list(own(org), project).stream().map(EndpointView::of).toList();
    }

    @GET
    @Path("/{id}")
    public EndpointView get(
            @PathParam("org") String org, @PathParam("project") String project, @PathParam("id") String id) {
        return EndpointView.of(endpoints.get(own(org), project, uuid(id)));
    }

    @PATCH
    @Path("/{id}")
    public EndpointView update(
            @PathParam("org") String org,
            @PathParam("project") String project,
            @PathParam("id") String id,
            EndpointInput input) {
        return EndpointView.of(endpoints.update(own(org), project, uuid(id), required(input)));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(
            @PathParam("org") String org, @PathParam("project") String project, @PathParam("id") String id) {
        endpoints.delete(own(org), project, uuid(id));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret/rotate")
    public EndpointView rotateSecret(
            @PathParam("org") String org, @PathParam("project") String project, @PathParam("id") String id) {
        var rotated = endpoints.rotateSecret(own(org), project, uuid(id));
        return EndpointView.withSecret(rotated.endpoint(), rotated.secret());
    }

    @GET
    @Path("/{id}/messages")
    public List<DeliveryView> messages(
            @PathParam("org") String org,
            @PathParam("project") String project,
            @PathParam("id") String id,
            @Valid @BeanParam PageRequest paging) {
        return endpoints.deliveries(own(org), project, uuid(id), paging.page, paging.size).stream()
                .map(DeliveryView::of)
                .toList();
    }

    @POST
    @Path("/{id}/messages/{message}/resend")
    public Response resend(
            @PathParam("org") String org,
            @PathParam("project") String project,
            @PathParam("id") String id,
            @PathParam("message") String message) {
        endpoints.resend(own(org), project, uuid(id), message);
        return Response.accepted().build();
    }

    @POST
    @Path("/{id}/recover")
    public Response recover(
            @PathParam("org") String org,
            @PathParam("project") String project,
            @PathParam("id") String id,
            RecoverRequest request) {
        Instant since = since(request);
        int count = endpoints.recover(own(org), project, uuid(id), since);
        return Response.accepted().entity(Map.of("recovered", count)).build();
    }

    @POST
    @Path("/{id}/test")
    public Response sendTest(
            @PathParam("org") String org, @PathParam("project") String project, @PathParam("id") String id) {
        var message = endpoints.sendTest(own(org), project, uuid(id));
        return Response.accepted().entity(Map.of("message_id", message.id)).build();
    }

    /** The org in the path (its id or slug) must be the caller's: another org's resources are simply not found. */
    private String own(String org) {
        return caller.ownOrg(org);
    }

    private static EndpointInput required(EndpointInput input) {
        if (input == null) {
            throw ProblemException.badRequest("invalid-webhook-endpoint", "A JSON body is required.");
        }
        return input;
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Webhook endpoint " + id);
        }
    }

    private static Instant since(RecoverRequest request) {
        if (request == null || request.since() == null) {
            throw ProblemException.badRequest("invalid-recover-request", "since is required (an ISO-8601 instant).");
        }
        try {
            return Instant.parse(request.since());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-recover-request", "since is not an ISO-8601 instant.");
        }
    }
}
