package dev.attest.gateway.monitoring;

import dev.attest.common.paging.PageRequest;
import dev.attest.gateway.rest.SignedInUser;
import dev.attest.gateway.security.EdgeCaller;
import dev.attest.gateway.service.TenantAccess;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An organization's security incidents, for its admins (anyone else: 404, as for any of its routes): they see the
 * incidents that concern their organization, revoke its keys and freeze its transfers, and undo that.
 */
@Path("/orgs/{org}/incidents")
public class OrgIncidentResource {
    private final SignedInUser user;
    private final TenantAccess access;
    private final IncidentResponses responses;

    OrgIncidentResource(SignedInUser user, TenantAccess access, IncidentResponses responses) {
        this.user = user;
        this.access = access;
        this.responses = responses;
    }

    @GET
    public List<IncidentResponses.IncidentView> list(
            @PathParam("org") String org,
            @QueryParam("status") String status,
            @QueryParam("detector") String detector,
            @Valid @BeanParam PageRequest page) {
        return responses.list(Optional.ofNullable(status), Optional.ofNullable(detector), admin(user.get(), org), page);
    }

    @GET
    @Path("/{id}")
    public IncidentResponses.IncidentView get(@PathParam("org") String org, @PathParam("id") String id) {
        return responses.view(IncidentIds.incident(id), admin(user.get(), org));
    }

    @POST
    @Path("/{id}/actions")
    public IncidentResponses.IncidentView act(
            @PathParam("org") String org,
            @PathParam("id") String id,
            @Valid @NotNull IncidentResponses.ActionRequest request) {
        EdgeCaller caller = user.get();
        return responses.take(caller, admin(caller, org), IncidentIds.incident(id), request);
    }

    @POST
    @Path("/{id}/actions/{action}/undo")
    public IncidentResponses.IncidentView undo(
            @PathParam("org") String org, @PathParam("id") String id, @PathParam("action") String action) {
        EdgeCaller caller = user.get();
        return responses.undo(caller, admin(caller, org), IncidentIds.incident(id), IncidentIds.action(action));
    }

    @POST
    @Path("/{id}/resolve")
    public IncidentResponses.IncidentView resolve(
            @PathParam("org") String org, @PathParam("id") String id, @Valid IncidentResponses.Resolution resolution) {
        EdgeCaller caller = user.get();
        return responses.resolve(caller, admin(caller, org), IncidentIds.incident(id), resolution);
    }

    private Optional<UUID> admin(EdgeCaller caller, String org) {
        return Optional.of(access.requireAdmin(caller, org).org().id);
    }
}
