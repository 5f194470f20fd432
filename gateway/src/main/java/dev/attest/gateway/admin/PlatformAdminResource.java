package dev.attest.gateway.admin;

import dev.attest.common.problem.ProblemException;
import dev.attest.common.security.Roles;
import dev.attest.gateway.rest.SignedInUser;
import dev.attest.gateway.security.EdgeCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * The platform's administration (platform admins only; anyone else 403, API keys included): suspending and
 * reactivating organizations, projects and users, finding users across organizations, setting plans, and deleting
 * an organization (export, erasure, record).
 */
@Path("/platform")
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class PlatformAdminResource {
    private final SignedInUser user;
    private final Suspensions suspensions;
    private final UserDirectory directory;
    private final Plans plans;
    private final OrganizationErasure erasure;

    PlatformAdminResource(
            SignedInUser user,
            Suspensions suspensions,
            UserDirectory directory,
            Plans plans,
            OrganizationErasure erasure) {
        this.user = user;
        this.suspensions = suspensions;
        this.directory = directory;
        this.plans = plans;
        this.erasure = erasure;
    }

    @POST
    @Path("/organizations/{org}/suspend")
    public Suspensions.SuspensionState suspendOrganization(
            @PathParam("org") String org, @Valid @NotNull Suspensions.SuspensionRequest request) {
        return suspensions.setOrganization(user.get(), org, request.reason(), true);
    }

    @POST
    @Path("/organizations/{org}/reactivate")
    public Suspensions.SuspensionState reactivateOrganization(
            @PathParam("org") String org, @Valid Suspensions.ReactivationRequest request) {
        return suspensions.setOrganization(user.get(), org, reason(request), false);
    }

    @GET
    @Path("/organizations/{org}/suspension")
    public SuspensionView organizationSuspension(@PathParam("org") String org) {
        user.get();
        return view(Suspensions.ORGANIZATION, suspensions.organization(org).id.toString());
    }

    @POST
    @Path("/projects/{project}/suspend")
    public Suspensions.SuspensionState suspendProject(
            @PathParam("project") String project, @Valid @NotNull Suspensions.SuspensionRequest request) {
        return suspensions.setProject(user.get(), project, request.reason(), true);
    }

    @POST
    @Path("/projects/{project}/reactivate")
    public Suspensions.SuspensionState reactivateProject(
            @PathParam("project") String project, @Valid Suspensions.ReactivationRequest request) {
        return suspensions.setProject(user.get(), project, reason(request), false);
    }

    @GET
    @Path("/projects/{project}/suspension")
    public SuspensionView projectSuspension(@PathParam("project") String project) {
        user.get();
        return view(Suspensions.PROJECT, project);
    }

    @POST
    @Path("/users/{user}/suspend")
    public Suspensions.SuspensionState suspendUser(
            @PathParam("user") String subject, @Valid @NotNull Suspensions.SuspensionRequest request) {
        return suspensions.setUser(user.get(), subject, request.reason(), true);
    }

    @POST
    @Path("/users/{user}/reactivate")
    public Suspensions.SuspensionState reactivateUser(
            @PathParam("user") String subject, @Valid Suspensions.ReactivationRequest request) {
        return suspensions.setUser(user.get(), subject, reason(request), false);
    }

    @GET
    @Path("/users/{user}/suspension")
    public SuspensionView userSuspension(@PathParam("user") String subject) {
        user.get();
        return view(Suspensions.USER, subject);
    }

    /** Users across organizations whose subject is {@code q} or whose email contains it. */
    @GET
    @Path("/users")
    public UsersFound findUsers(@QueryParam("q") String q) {
        user.get();
        return new UsersFound(directory.search(q));
    }

    @PUT
    @Path("/organizations/{org}/plan")
    public Plans.Plan setPlan(@PathParam("org") String org, @Valid @NotNull Plans.PlanRequest request) {
        EdgeCaller admin = user.get();
        Plans.Plan plan = plans.set(admin, suspensions.organization(org), request);
        return plan;
    }

    /** Exports the organization's data, erases it, records what was erased, and tells the services. */
    @DELETE
    @Path("/organizations/{org}")
    public OrganizationErasure.Erasure delete(@PathParam("org") String org, @QueryParam("reason") String reason) {
        EdgeCaller admin = user.get();
        if (reason != null && reason.length() > 1000) {
            throw ProblemException.badRequest("invalid-reason", "reason is at most 1000 characters.");
        }
        OrganizationErasure.Erasure erased = erasure.delete(admin, org, reason);
        return erased;
    }

    /** The export made when the organization was deleted (by its id or its former slug). */
    @GET
    @Path("/organizations/{org}/export")
    public Response export(@PathParam("org") String org) {
        user.get();
        String document =
                erasure.export(org).orElseThrow(() -> ProblemException.notFound("Export of organization " + org));
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"organization-" + safe(org) + ".json\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /** What the deletion of the organization erased (by its id or its former slug). */
    @GET
    @Path("/organizations/{org}/erasures")
    public List<OrganizationErasure.Erasure> erasures(@PathParam("org") String org) {
        user.get();
        return erasure.erasures(org);
    }

    private SuspensionView view(String kind, String target) {
        var current = suspensions.current(kind, target);
        return new SuspensionView(
                kind, target, current.isPresent(), current.orElse(null), suspensions.history(kind, target));
    }

    private static String reason(Suspensions.ReactivationRequest request) {
        return Optional.ofNullable(request)
                .map(Suspensions.ReactivationRequest::reason)
                .orElse(null);
    }

    /** A name for a downloaded file: the reference's letters, digits and dashes only. */
    private static String safe(String ref) {
        return ref.replaceAll("[^A-Za-z0-9-]", "_");
    }

    /** Whether something is suspended, its current suspension, and every suspension and reactivation of it. */
    public record SuspensionView(
            String kind,
            String target,
            boolean suspended,
            Suspensions.SuspensionState current,
            List<Suspensions.LogEntry> history) {}

    public record UsersFound(List<UserDirectory.FoundUser> users) {}
}
