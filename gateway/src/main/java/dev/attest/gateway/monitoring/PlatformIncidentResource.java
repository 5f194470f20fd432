package dev.attest.gateway.monitoring;

import dev.attest.common.paging.PageRequest;
import dev.attest.common.security.Roles;
import dev.attest.gateway.rest.SignedInUser;
import jakarta.annotation.security.RolesAllowed;
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

/** Every organization's security incidents and the responses to them (platform admins only). */
@Path("/platform/incidents")
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class PlatformIncidentResource {
    private final SignedInUser user;
    private final IncidentResponses responses;

    PlatformIncidentResource(SignedInUser user, IncidentResponses responses) {
        this.user = user;
        this.responses = responses;
    }

    @GET
    public List<IncidentResponses.IncidentView> list(
            @QueryParam("status") String status,
            @QueryParam("detector") String detector,
            @QueryParam("org") String org,
            @Valid @BeanParam PageRequest page) {
        user.get();
        Optional<UUID> orgId = Optional.ofNullable(org).map(IncidentIds::organization);
        return responses.list(Optional.ofNullable(status), Optional.ofNullable(detector), orgId, page);
    }

    @GET
    @Path("/{id}")
    public IncidentResponses.IncidentView get(@PathParam("id") String id) {
        user.get();
        return responses.view(IncidentIds.incident(id), Optional.empty());
    }

    @POST
    @Path("/{id}/actions")
    public IncidentResponses.IncidentView act(
            @PathParam("id") String id, @Valid @NotNull IncidentResponses.ActionRequest request) {
        return responses.take(user.get(), Optional.empty(), IncidentIds.incident(id), request);
    }

    @POST
    @Path("/{id}/actions/{action}/undo")
    public IncidentResponses.IncidentView undo(@PathParam("id") String id, @PathParam("action") String action) {
        return responses.undo(user.get(), Optional.empty(), IncidentIds.incident(id), IncidentIds.action(action));
    }

    @POST
    @Path("/{id}/resolve")
    public IncidentResponses.IncidentView resolve(
            @PathParam("id") String id, @Valid IncidentResponses.Resolution resolution) {
        return responses.resolve(user.get(), Optional.empty(), IncidentIds.incident(id), resolution);
    }
}
