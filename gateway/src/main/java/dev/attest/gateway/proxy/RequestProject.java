package dev.attest.gateway.proxy;

import dev.attest.common.problem.ProblemException;
import dev.attest.gateway.Project;
import dev.attest.gateway.security.EdgeCaller;
import dev.attest.gateway.service.OrgMembership;
import dev.attest.gateway.service.ProjectService;
import dev.attest.gateway.service.TenantAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Which project a request to a service acts in: the path's ({@code …/projects/{project}/…}), the one the
 * client names with {@value #HEADER}, an API key's own, or the organization's only project. A project
 * the caller's organization does not own is answered 404, as one that does not exist.
 */
@ApplicationScoped
public class RequestProject {
    /** The header with which a signed-in user names the project a request acts in. */
    public static final String HEADER = "Attest-Project";

    private final ProjectService projects;
    private final TenantAccess access;

    RequestProject(ProjectService projects, TenantAccess access) {
        this.projects = projects;
        this.access = access;
    }

    /**
     * The organization of a request that names none in its path but names a project in the header: the
     * project's, if the caller belongs to it (a user of several organizations), else 404.
     */
    public OrgMembership organizationOf(EdgeCaller caller, String projectRef) {
        return TenantAccess.parseUuid(projectRef)
                .flatMap(projects::byId)
                .map(project -> access.require(caller, project.orgId.toString()))
                .orElseThrow(() -> notFound(projectRef));
    }

    /** The project the request acts in, if any; 404 for a named project that is not the caller's. */
    public Optional<Project> choose(
            EdgeCaller caller, Optional<OrgMembership> membership, Optional<String> inPath, Optional<String> inHeader) {
        Optional<Project> fromPath = inPath.map(ref -> named(caller, membership, ref));
        Optional<Project> fromHeader = inHeader.map(ref -> named(caller, membership, ref));
        if (fromPath.isPresent() && fromHeader.isPresent() && !fromPath.get().id.equals(fromHeader.get().id)) {
            throw new ProblemException(
                    400,
                    "conflicting-project",
                    "Conflicting project",
                    "The " + HEADER + " header names another project than the path.");
        }
        Optional<Project> named = fromPath.or(() -> fromHeader);
        if (named.isPresent()) {
            return named;
        }
        if (caller.apiKey().isPresent()) {
            EdgeCaller.ApiKeyGrant key = caller.apiKey().get();
            return projects.inOrg(key.orgId(), key.projectId());
        }
        return membership.flatMap(m -> projects.onlyProjectOf(m.org().id));
    }

    /** The named project, if it is the caller's organization's (and the key's own); else 404. */
    private Project named(EdgeCaller caller, Optional<OrgMembership> membership, String ref) {
        Optional<UUID> keyProject = caller.apiKey().map(EdgeCaller.ApiKeyGrant::projectId);
        return membership
                .flatMap(m -> TenantAccess.parseUuid(ref).flatMap(id -> projects.inOrg(m.org().id, id)))
                .filter(project -> keyProject.map(project.id::equals).orElse(true))
                .orElseThrow(() -> notFound(ref));
    }

    private static ProblemException notFound(String ref) {
        return ProblemException.notFound("Project " + ref);
    }
}
