package dev.attest.gateway.service;

import dev.attest.common.problem.ProblemException;
import dev.attest.contracts.EventTypes;
import dev.attest.gateway.Project;
import dev.attest.gateway.audit.GatewayAudit;
import dev.attest.gateway.config.GatewayConfig;
import dev.attest.gateway.repository.ProjectRepository;
import dev.attest.gateway.security.EdgeCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Projects of an organization: created and changed by its admins, seen by its members. */
@ApplicationScoped
public class ProjectService {
    /** The KYC providers compliance-service implements. */
    static final String KYC_PROVIDERS = "persona|sumsub";

    static final String KYC_PROVIDERS_MESSAGE = "persona or sumsub";

    /** In a change, removes the project's fallback provider (an absent field keeps it). */
    static final String NO_FALLBACK = "none";

    private final ProjectRepository projects;
    private final TenantAccess access;
    private final TenantEvents events;
    private final GatewayConfig config;
    private final GatewayAudit audit;

    ProjectService(
            ProjectRepository projects,
            TenantAccess access,
            TenantEvents events,
            GatewayConfig config,
            GatewayAudit audit) {
        this.projects = projects;
        this.access = access;
        this.events = events;
        this.config = config;
        this.audit = audit;
    }

    @Transactional
    public Project create(EdgeCaller caller, String orgRef, @Valid NewProject request) {
        OrgMembership membership = access.requireAdmin(caller, orgRef);
        UUID orgId = membership.org().id;
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.orgId = orgId; // from the path the caller administers, never from the body
        project.name = request.name();
        project.environment = request.environment();
        project.kycProvider = request.kycProvider() == null ? "persona" : request.kycProvider();
        project.kycFallbackProvider = request.kycFallbackProvider();
        requireDistinctProviders(project);
        project.walletNetwork = request.walletNetwork();
        RateLimitSettings limit = request.rateLimit();
        project.rateLimitCapacity = limit == null ? config.rateLimit().capacity() : limit.capacity();
        project.rateLimitRefillPerSecond =
                limit == null ? config.rateLimit().refillPerSecond() : limit.refillPerSecond();
        project.createdAt = Instant.now();
        project.updatedAt = project.createdAt;
        projects.persist(project);
        events.project(EventTypes.Tenant.PROJECT_CREATED, project);
        audit.record(
                caller,
                membership.roles(),
                orgId,
                project.id,
                "project.created",
                "project",
                project.id.toString(),
                null,
                GatewayAudit.ProjectSnapshot.of(project));
        return project;
    }

    @Transactional
    public List<Project> list(EdgeCaller caller, String orgRef) {
        return projects.listByOrg(access.require(caller, orgRef).org().id);
    }

    @Transactional
    public Project get(EdgeCaller caller, String orgRef, String projectRef) {
        return find(access.require(caller, orgRef).org().id, projectRef);
    }

    @Transactional
    public Project update(EdgeCaller caller, String orgRef, String projectRef, @Valid ProjectChanges changes) {
        OrgMembership membership = access.requireAdmin(caller, orgRef);
        Project project = find(membership.org().id, projectRef);
        GatewayAudit.ProjectSnapshot before = GatewayAudit.ProjectSnapshot.of(project);
        if (changes.name() != null) {
            project.name = changes.name();
        }
        if (changes.kycProvider() != null) {
            project.kycProvider = changes.kycProvider();
        }
        if (changes.kycFallbackProvider() != null) {
            project.kycFallbackProvider =
                    NO_FALLBACK.equals(changes.kycFallbackProvider()) ? null : changes.kycFallbackProvider();
        }
        requireDistinctProviders(project);
        if (changes.walletNetwork() != null) {
            project.walletNetwork = changes.walletNetwork();
        }
        if (changes.rateLimit() != null) {
            project.rateLimitCapacity = changes.rateLimit().capacity();
            project.rateLimitRefillPerSecond = changes.rateLimit().refillPerSecond();
        }
        project.updatedAt = Instant.now();
        events.project(EventTypes.Tenant.PROJECT_UPDATED, project);
        audit.record(
                caller,
                membership.roles(),
                project.orgId,
                project.id,
                "project.updated",
                "project",
                project.id.toString(),
                before,
                GatewayAudit.ProjectSnapshot.of(project));
        return project;
    }

    /** The project, if it is {@code orgId}'s; in a transaction of its own for callers outside one. */
    @Transactional
    public java.util.Optional<Project> inOrg(UUID orgId, UUID projectId) {
        return projects.findInOrg(orgId, projectId);
    }

    /** The organization's project when it has exactly one; empty when it has none or several. */
    @Transactional
    public java.util.Optional<Project> onlyProjectOf(UUID orgId) {
        List<Project> first = projects.find("orgId = ?1", orgId).page(0, 2).list();
        return first.size() == 1 ? java.util.Optional.of(first.get(0)) : java.util.Optional.empty();
    }

    /** The project with this id, whichever organization it belongs to; callers check access. */
    @Transactional
    public java.util.Optional<Project> byId(UUID projectId) {
        return projects.findByIdOptional(projectId);
    }

    /** A fallback is another provider: the same one again would only fail the same way. */
    private static void requireDistinctProviders(Project project) {
        if (project.kycProvider.equals(project.kycFallbackProvider)) {
            throw ProblemException.badRequest(
                    "kyc-fallback-same-provider",
                    "The fallback KYC provider must differ from the preferred one (" + project.kycProvider + ").");
        }
    }

    /** The project of {@code orgId} named by a path segment, or 404. */
    Project find(UUID orgId, String projectRef) {
        return TenantAccess.parseUuid(projectRef)
                .flatMap(id -> projects.findInOrg(orgId, id))
                .orElseThrow(() -> ProblemException.notFound("Project " + projectRef));
    }

    /** A new project; the environment decides whether its keys are ak_test_ or ak_live_ and never changes. */
    public record NewProject(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "sandbox|production", message = "sandbox or production") String environment,
            @Pattern(regexp = KYC_PROVIDERS, message = KYC_PROVIDERS_MESSAGE) String kycProvider,
            @Pattern(regexp = KYC_PROVIDERS, message = KYC_PROVIDERS_MESSAGE) String kycFallbackProvider,
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "a network name such as ethereum-sepolia")
                    String walletNetwork,
            @Valid RateLimitSettings rateLimit) {}

    /** Changes to a project; absent fields stay as they are. */
    public record ProjectChanges(
            @Size(min = 1, max = 200) String name,
            @Pattern(regexp = KYC_PROVIDERS, message = KYC_PROVIDERS_MESSAGE) String kycProvider,
            @Pattern(
                            regexp = KYC_PROVIDERS + "|" + NO_FALLBACK,
                            message = KYC_PROVIDERS_MESSAGE + ", or none to remove the fallback")
                    String kycFallbackProvider,
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "a network name such as ethereum-sepolia")
                    String walletNetwork,
            @Valid RateLimitSettings rateLimit) {}

    /** The project's token bucket: burst size and requests per second. */
    public record RateLimitSettings(
            @Min(1) @Max(100_000) int capacity,
            @DecimalMin(value = "0.001") @DecimalMax(value = "100000") double refillPerSecond) {}
}
