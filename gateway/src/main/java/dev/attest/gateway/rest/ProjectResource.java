package dev.attest.gateway.rest;

import dev.attest.gateway.rest.Views.ProjectView;
import dev.attest.gateway.service.ProjectService;
import io.quarkus.security.Authenticated;
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

@Path("/orgs/{org}/projects")
@Authenticated
public class ProjectResource {
    private final ProjectService projects;
    private final SignedInUser user;

    ProjectResource(ProjectService projects, SignedInUser user) {
        this.projects = projects;
        this.user = user;
    }

    @POST
    public Response create(@PathParam("org") String org, @Valid @NotNull ProjectService.NewProject request) {
        ProjectView project = ProjectView.of(projects.create(user.get(), org, request));
        return Response.created(URI.create("/orgs/" + project.orgId() + "/projects/" + project.id()))
                .entity(project)
                .build();
    }

    @GET
    public List<ProjectView> list(@PathParam("org") String org) {
        return projects.list(user.get(), org).stream().map(ProjectView::of).toList();
    }

    @GET
    @Path("/{project}")
    public ProjectView get(@PathParam("org") String org, @PathParam("project") String project) {
        return ProjectView.of(projects.get(user.get(), org, project));
    }

    @PATCH
    @Path("/{project}")
    public ProjectView update(
            @PathParam("org") String org,
            @PathParam("project") String project,
            @Valid @NotNull ProjectService.ProjectChanges changes) {
        return ProjectView.of(projects.update(user.get(), org, project, changes));
    }
}
