package dev.attest.gateway.rest;

import dev.attest.gateway.rest.Views.MemberView;
import dev.attest.gateway.service.MemberService;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;

@Path("/orgs/{org}/members")
@Authenticated
public class MemberResource {
    private final MemberService members;
    private final SignedInUser user;

    MemberResource(MemberService members, SignedInUser user) {
        this.members = members;
        this.user = user;
    }

    @POST
    public Response add(@PathParam("org") String org, @Valid @NotNull MemberService.NewMember request) {
        return Response.status(Response.Status.CREATED)
                .entity(MemberView.of(members.add(user.get(), org, request)))
                .build();
    }

    @GET
    public List<MemberView> list(@PathParam("org") String org) {
        return members.list(user.get(), org).stream().map(MemberView::of).toList();
    }

    @PATCH
    @Path("/{user}")
    public MemberView changeRole(
            @PathParam("org") String org,
            @PathParam("user") String userId,
            @Valid @NotNull MemberService.RoleChange change) {
        return MemberView.of(members.changeRole(user.get(), org, userId, change));
    }

    @DELETE
    @Path("/{user}")
    public Response remove(@PathParam("org") String org, @PathParam("user") String userId) {
        members.remove(user.get(), org, userId);
        return Response.noContent().build();
    }
}
