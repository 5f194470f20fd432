package dev.attest.gateway.admin;

import dev.attest.common.events.OutgoingEvent;
import dev.attest.common.events.Topics;
import dev.attest.common.outbox.Outbox;
import dev.attest.common.problem.ProblemException;
import dev.attest.contracts.EventTypes;
import dev.attest.gateway.Organization;
import dev.attest.gateway.Project;
import dev.attest.gateway.repository.OrganizationRepository;
import dev.attest.gateway.repository.ProjectRepository;
import dev.attest.gateway.security.EdgeCaller;
import dev.attest.gateway.service.TenantAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Suspends and reactivates organizations, projects and users (platform admins only). Each change is one row of
 * {@code suspension} (what is suspended now, read by {@link EdgeGuard} on every request) and one of {@code
 * suspension_log} (who, when, why), in the same transaction; an organization's or project's change is announced on
 * {@code attest.tenant.v1} ({@code …-updated} with {@code suspended}) so that the services' tenant replicas skip
 * provider work for it.
 */
@ApplicationScoped
public class Suspensions {
    public static final String ORGANIZATION = "organization";
    public static final String PROJECT = "project";
    public static final String USER = "user";

    /** An OIDC subject as the gateway stores members' (any printable text, bounded). */
    private static final Pattern SUBJECT = Pattern.compile("[\\p{Graph}]{1,255}");

    private final DataSource dataSource;
    private final OrganizationRepository organizations;
    private final ProjectRepository projects;
    private final Outbox outbox;
    private final AdminAudit audit;

    Suspensions(
            DataSource dataSource,
            OrganizationRepository organizations,
            ProjectRepository projects,
            Outbox outbox,
            AdminAudit audit) {
        this.dataSource = dataSource;
        this.organizations = organizations;
        this.projects = projects;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Suspends ({@code suspended}) or reactivates an organization: recorded, announced to the services, audited. */
    @Transactional
    public SuspensionState setOrganization(EdgeCaller admin, String orgRef, String reason, boolean suspended) {
        Organization org = organization(orgRef);
        SuspensionState state = change(admin, ORGANIZATION, org.id.toString(), reason, suspended);
        announce(org, suspended);
        audit(admin, action("organization", suspended), org.id, null, ORGANIZATION, org.id.toString(), reason);
        return state;
    }

    /** Suspends ({@code suspended}) or reactivates a project: recorded, announced to the services, audited. */
    @Transactional
    public SuspensionState setProject(EdgeCaller admin, String projectRef, String reason, boolean suspended) {
        Project project = project(projectRef);
        SuspensionState state = change(admin, PROJECT, project.id.toString(), reason, suspended);
        announce(project, suspended);
        audit(admin, action("project", suspended), project.orgId, project.id, PROJECT, project.id.toString(), reason);
        return state;
    }

    /**
     * Suspends ({@code suspended}) or reactivates a user. A user is an OIDC subject, whether or not a member anywhere
     * yet: suspended, they are refused in every organization. A platform admin cannot suspend themselves (nobody
     * would be left to undo it by mistake).
     */
    @Transactional
    public SuspensionState setUser(EdgeCaller admin, String subject, String reason, boolean suspended) {
        requireSubject(subject);
        if (suspended && subject.equals(admin.subject())) {
            throw ProblemException.badRequest("cannot-suspend-self", "A platform admin cannot suspend themselves.");
        }
        SuspensionState state = change(admin, USER, subject, reason, suspended);
        audit(admin, action("user", suspended), null, null, USER, subject, reason);
        return state;
    }

    private static String action(String kind, boolean suspended) {
        return kind + (suspended ? ".suspended" : ".reactivated");
    }

    /** The suspension history of one organization, project or user, oldest first. */
    @Transactional
    public List<LogEntry> history(String kind, String target) {
        List<LogEntry> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select action, reason, actor, at from suspension_log where kind = ? and target = ?"
                                + " order by at, id")) {
            query.setString(1, kind);
            query.setString(2, target);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    entries.add(new LogEntry(
                            kind,
                            target,
                            row.getString(1),
                            row.getString(2),
                            row.getString(3),
                            row.getTimestamp(4).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the suspension log", e);
        }
        return entries;
    }

    /** The current suspension of {@code kind}/{@code target}, if any. */
    @Transactional
    public Optional<SuspensionState> current(String kind, String target) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select reason, suspended_by, suspended_at from suspension where kind = ? and target = ?")) {
            query.setString(1, kind);
            query.setString(2, target);
            try (ResultSet row = query.executeQuery()) {
                return row.next()
                        ? Optional.of(new SuspensionState(
                                kind,
                                target,
                                true,
                                row.getString(1),
                                row.getString(2),
                                row.getTimestamp(3).toInstant()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a suspension", e);
        }
    }

    /**
     * Suspends (an existing suspension keeps its first reason and time; the repeated request is logged) or
     * reactivates (a target that is not suspended stays so; nothing is logged then).
     */
    private SuspensionState change(EdgeCaller admin, String kind, String target, String reason, boolean suspend) {
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            int changed;
            if (suspend) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into suspension (kind, target, reason, suspended_by, suspended_at)"
                                + " values (?, ?, ?, ?, ?) on conflict (kind, target) do nothing")) {
                    insert.setString(1, kind);
                    insert.setString(2, target);
                    insert.setString(3, reason);
                    insert.setString(4, admin.subject());
                    insert.setTimestamp(5, Timestamp.from(now));
                    changed = insert.executeUpdate();
                }
            } else {
                try (PreparedStatement delete =
                        connection.prepareStatement("delete from suspension where kind = ? and target = ?")) {
                    delete.setString(1, kind);
                    delete.setString(2, target);
                    changed = delete.executeUpdate();
                }
            }
            if (changed > 0) {
                try (PreparedStatement log = connection.prepareStatement(
                        "insert into suspension_log (id, kind, target, action, reason, actor, at)"
                                + " values (?, ?, ?, ?, ?, ?, ?)")) {
                    log.setObject(1, UUID.randomUUID());
                    log.setString(2, kind);
                    log.setString(3, target);
                    log.setString(4, suspend ? "suspended" : "reactivated");
                    log.setString(5, reason);
                    log.setString(6, admin.subject());
                    log.setTimestamp(7, Timestamp.from(now));
                    log.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change the suspension of " + kind + " " + target, e);
        }
        return current(kind, target).orElseGet(() -> new SuspensionState(kind, target, false, null, null, null));
    }

    private void audit(
            EdgeCaller admin, String action, UUID orgId, UUID projectId, String kind, String target, String reason) {
        audit.record(
                admin, action, orgId, projectId, kind, target, reason == null ? Map.of() : Map.of("reason", reason));
    }

    private void announce(Organization org, boolean suspended) {
        outbox.publish(new OutgoingEvent(
                Topics.TENANT,
                EventTypes.Tenant.ORGANIZATION_UPDATED,
                org.id.toString(),
                "organization/" + org.id,
                org.id.toString(),
                new OrganizationSuspension(org.id.toString(), org.slug, org.name, suspended)));
    }

    private void announce(Project project, boolean suspended) {
        outbox.publish(new OutgoingEvent(
                Topics.TENANT,
                EventTypes.Tenant.PROJECT_UPDATED,
                project.orgId.toString(),
                "project/" + project.id,
                project.orgId.toString(),
                new ProjectSuspension(
                        project.orgId.toString(),
                        project.id.toString(),
                        project.name,
                        project.environment,
                        project.kycProvider,
                        project.walletNetwork,
                        project.kycFallbackProvider,
                        suspended)));
    }

    Organization organization(String ref) {
        Optional<UUID> id = TenantAccess.parseUuid(ref);
        Optional<Organization> org = id.isPresent()
                ? organizations.findByIdOptional(id.get())
                : (ref.matches("[a-z0-9-]{1,64}") ? organizations.findBySlug(ref) : Optional.empty());
        return org.orElseThrow(() -> ProblemException.notFound("Organization " + ref));
    }

    private Project project(String ref) {
        return TenantAccess.parseUuid(ref)
                .flatMap(projects::findByIdOptional)
                .orElseThrow(() -> ProblemException.notFound("Project " + ref));
    }

    private static void requireSubject(String subject) {
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            throw ProblemException.badRequest("invalid-user", "A user is named by their OIDC subject (sub).");
        }
    }

    /** The body of a suspension or reactivation. */
    public record SuspensionRequest(@NotBlank @Size(max = 1000) String reason) {}

    /** The body of a reactivation: the reason is optional there. */
    public record ReactivationRequest(@Size(max = 1000) String reason) {}

    /** Whether something is suspended now, and since when, by whom, why. */
    public record SuspensionState(
            String kind, String target, boolean suspended, String reason, String suspendedBy, Instant suspendedAt) {}

    /** One suspension or reactivation, as recorded. */
    public record LogEntry(String kind, String target, String action, String reason, String actor, Instant at) {}

    /** The organization-updated event of a suspension: what the event always carries, and {@code suspended}. */
    record OrganizationSuspension(String orgId, String slug, String name, boolean suspended) {}

    /** The project-updated event of a suspension: every attribute (replicas keep them all), and {@code suspended}. */
    record ProjectSuspension(
            String orgId,
            String projectId,
            String name,
            String environment,
            String kycProvider,
            String walletNetwork,
            String kycFallbackProvider,
            boolean suspended) {}
}
