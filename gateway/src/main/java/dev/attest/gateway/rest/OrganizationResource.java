package dev.attest.gateway.rest;

import dev.attest.common.security.Roles;
import dev.attest.gateway.rest.Views.MemberView;
import dev.attest.gateway.rest.Views.OrganizationView;
import dev.attest.gateway.service.MemberService;
import dev.attest.gateway.service.OrganizationService;
import dev.attest.gateway.service.TenantAccess;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

@Path("/orgs")
@Authenticated
public class OrganizationResource {
    private final OrganizationService organizations;
    private final TenantAccess access;
    private final MemberService members;
    private final SignedInUser user;

    OrganizationResource(
            OrganizationService organizations, TenantAccess access, MemberService members, SignedInUser user) {
        this.organizations = organizations;
        this.access = access;
        this.members = members;
        this.user = user;
    }

    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Response create(@Valid @NotNull OrganizationService.NewOrganization request) {
        OrganizationView org = OrganizationView.of(access.require(
                user.get(), organizations.create(user.get(), request).id.toString()));
        return Response.created(URI.create("/orgs/" + org.id())).entity(org).build();
    }

    @GET
    public List<OrganizationView> list() {
        return access.membershipsOf(user.get()).stream()
                .map(OrganizationView::of)
                .toList();
    }

    @GET
    @Path("/{org}")
    public OrganizationView get(@PathParam("org") String org) {
        return OrganizationView.of(access.require(user.get(), org));
    }

    /** A user who signed up by themselves joins an organization open to sign-ups, as an end user. */
    @POST
    @Path("/{org}/join")
    public MemberView join(@PathParam("org") String org) {
        return MemberView.of(members.join(user.get(), org));
    }

    @PATCH
    @Path("/{org}")
    public OrganizationView update(
            @PathParam("org") String org, @Valid @NotNull OrganizationService.OrganizationChanges changes) {
        organizations.update(user.get(), org, changes);
        return OrganizationView.of(access.require(user.get(), org));
    }
}
