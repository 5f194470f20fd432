package dev.attest.document.rest;

import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.document.rest.Views.RequirementView;
import dev.attest.document.rest.Views.RequirementsView;
import dev.attest.document.service.Cases;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The documents a project requires of its users, stated by the organization's admins. */
@Path("/documents/projects/{project}/requirements")
public class RequirementResource {
    private final Caller caller;
    private final Cases cases;

    RequirementResource(Caller caller, Cases cases) {
        this.caller = caller;
        this.cases = cases;
    }

    @GET
    @RolesAllowed({Roles.USER, Roles.ORG_ADMIN})
    public RequirementsView list(@PathParam("project") @Size(max = 100) String project) {
        return new RequirementsView(
                project,
                cases.requirements(caller.orgId(), project).stream()
                        .map(RequirementView::of)
                        .toList());
    }

    @PUT
    @RolesAllowed(Roles.ORG_ADMIN)
    public RequirementsView replace(
            @PathParam("project") @Size(max = 100) String project, @Valid @NotNull RequirementsInput input) {
        return new RequirementsView(
                project,
                cases.replaceRequirements(caller.orgId(), project, input.requirements()).stream()
                        .map(RequirementView::of)
                        .toList());
    }
}
