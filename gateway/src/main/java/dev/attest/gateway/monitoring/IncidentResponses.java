package dev.attest.gateway.monitoring;

import dev.attest.common.paging.PageRequest;
import dev.attest.common.problem.ProblemException;
import dev.attest.gateway.Project;
import dev.attest.gateway.admin.Suspensions;
import dev.attest.gateway.audit.GatewayAudit;
import dev.attest.gateway.repository.ProjectRepository;
import dev.attest.gateway.security.EdgeCaller;
import dev.attest.gateway.service.ApiKeyService;
import dev.attest.gateway.service.TenantAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Incident response in one action, and its undo: revoke an API key, suspend an organization, a project or a user,
 * freeze transfers. Each is carried out by the service that owns it (keys, suspensions: audited there), recorded on
 * the incident, and audited as an incident action. Platform admins may take any action on any incident; an
 * organization's admins, on their organization's incidents, may revoke its keys and freeze its transfers
 * (suspension is the platform's). An action on a target that was already so changes nothing, and its undo leaves it
 * so.
 */
@ApplicationScoped
public class IncidentResponses {
    public static final String REVOKE_API_KEY = "revoke-api-key";
    public static final String SUSPEND_ORGANIZATION = "suspend-organization";
    public static final String SUSPEND_PROJECT = "suspend-project";
    public static final String SUSPEND_USER = "suspend-user";
    public static final String FREEZE_TRANSFERS = "freeze-transfers";
    static final Set<String> KINDS =
            Set.of(REVOKE_API_KEY, SUSPEND_ORGANIZATION, SUSPEND_PROJECT, SUSPEND_USER, FREEZE_TRANSFERS);
    /** What an organization's admins may do themselves. */
    static final Set<String> ORGANIZATION_KINDS = Set.of(REVOKE_API_KEY, FREEZE_TRANSFERS);

    private final Incidents incidents;
    private final ApiKeyService keys;
    private final Suspensions suspensions;
    private final TransferFreezes freezes;
    private final ProjectRepository projects;
    private final GatewayAudit audit;

    IncidentResponses(
            Incidents incidents,
            ApiKeyService keys,
            Suspensions suspensions,
            TransferFreezes freezes,
            ProjectRepository projects,
            GatewayAudit audit) {
        this.incidents = incidents;
        this.keys = keys;
        this.suspensions = suspensions;
        this.freezes = freezes;
        this.projects = projects;
        this.audit = audit;
    }

    /** The incident with its actions and the actions suggested for it (to {@code org}'s admins, or the platform's). */
    @Transactional
    public IncidentView view(UUID incidentId, Optional<UUID> org) {
        return view(incidents.require(incidentId, org), org);
    }

    @Transactional
    public List<IncidentView> list(
            Optional<String> status, Optional<String> detector, Optional<UUID> org, PageRequest page) {
        if (status.isPresent() && !Set.of("open", "resolved").contains(status.get())) {
            throw ProblemException.badRequest("invalid-status", "status is open or resolved.");
        }
        if (detector.isPresent() && Detector.of(detector.get()).isEmpty()) {
            throw ProblemException.badRequest("invalid-detector", "No detector is named " + detector.get() + ".");
        }
        return incidents.list(status, detector, org, page).stream()
                .map(incident -> view(incident, org))
                .toList();
    }

    /** Takes {@code request} on the incident; {@code org}: the organization whose admin acts, empty for the platform. */
    @Transactional
    public IncidentView take(EdgeCaller caller, Optional<UUID> org, UUID incidentId, ActionRequest request) {
        Incidents.Incident incident = incidents.require(incidentId, org);
        String kind = request.kind();
        if (!KINDS.contains(kind)) {
            throw ProblemException.badRequest("unknown-action", "The actions are " + String.join(", ", KINDS) + ".");
        }
        if (org.isPresent() && !ORGANIZATION_KINDS.contains(kind)) {
            throw ProblemException.forbidden("Only the platform's administrators may " + kind.replace('-', ' ') + ".");
        }
        String reason = "Incident " + incident.id() + ": "
                + (request.reason() == null || request.reason().isBlank() ? incident.summary() : request.reason());
        boolean changed = apply(caller, org, incident, kind, request.target(), reason, true);
        Instant now = Instant.now();
        incidents.insertAction(new Incidents.IncidentAction(
                UUID.randomUUID(),
                incident.id(),
                kind,
                request.target(),
                reason,
                changed,
                caller.subject(),
                now,
                null,
                null));
        audit.record(
                caller,
                Set.of(),
                incident.orgId(),
                incident.projectId(),
                "incident.action-taken",
                "incident",
                incident.id().toString(),
                null,
                Map.of("kind", kind, "target", request.target(), "changed", changed));
        return view(incident, org);
    }

    /** Undoes action {@code actionId} of the incident: what it changed is put back; 409 when it was undone already. */
    @Transactional
    public IncidentView undo(EdgeCaller caller, Optional<UUID> org, UUID incidentId, UUID actionId) {
        Incidents.Incident incident = incidents.require(incidentId, org);
        Incidents.IncidentAction action = incidents.actions(incident.id()).stream()
                .filter(a -> a.id().equals(actionId))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Action " + actionId));
        if (org.isPresent() && !ORGANIZATION_KINDS.contains(action.kind())) {
            throw ProblemException.forbidden("Only the platform's administrators may undo " + action.kind() + ".");
        }
        if (!incidents.markUndone(action.id(), caller.subject(), Instant.now())) {
            throw ProblemException.conflict("already-undone", "This action was undone already.");
        }
        if (action.changed()) {
            apply(caller, org, incident, action.kind(), action.target(), "Undone: " + action.reason(), false);
        }
        audit.record(
                caller,
                Set.of(),
                incident.orgId(),
                incident.projectId(),
                "incident.action-undone",
                "incident",
                incident.id().toString(),
                null,
                Map.of("kind", action.kind(), "target", action.target()));
        return view(incident, org);
    }

    /** Resolves the incident (later signals of its subject raise a new one); 409 when it is resolved already. */
    @Transactional
    public IncidentView resolve(EdgeCaller caller, Optional<UUID> org, UUID incidentId, Resolution resolution) {
        Incidents.Incident incident = incidents.require(incidentId, org);
        String note = resolution == null ? null : resolution.note();
        if (!incidents.resolve(incident.id(), caller.subject(), note, Instant.now())) {
            throw ProblemException.conflict("incident-resolved", "This incident is resolved already.");
        }
        audit.record(
                caller,
                Set.of(),
                incident.orgId(),
                incident.projectId(),
                "incident.resolved",
                "incident",
                incident.id().toString(),
                null,
                note == null ? Map.of() : Map.of("note", note));
        return view(incident.id(), org);
    }

    /** Does ({@code on}) or undoes an action; returns whether it changed anything. */
    private boolean apply(
            EdgeCaller caller,
            Optional<UUID> org,
            Incidents.Incident incident,
            String kind,
            String target,
            String reason,
            boolean on) {
        switch (kind) {
            case REVOKE_API_KEY -> {
                UUID keyId = uuid(target);
                return on
                        ? keys.revoke(caller, org.orElse(null), keyId)
                        : keys.restore(caller, org.orElse(null), keyId);
            }
            case SUSPEND_ORGANIZATION -> {
                return suspend(
                        Suspensions.ORGANIZATION,
                        uuid(target).toString(),
                        on,
                        () -> suspensions.setOrganization(caller, target, reason, on));
            }
            case SUSPEND_PROJECT -> {
                return suspend(
                        Suspensions.PROJECT,
                        uuid(target).toString(),
                        on,
                        () -> suspensions.setProject(caller, target, reason, on));
            }
            case SUSPEND_USER -> {
                return suspend(Suspensions.USER, target, on, () -> suspensions.setUser(caller, target, reason, on));
            }
            case FREEZE_TRANSFERS -> {
                return freeze(caller, org, incident, target, reason, on);
            }
            default -> throw new IllegalArgumentException(kind);
        }
    }

    private boolean suspend(String kind, String target, boolean on, Runnable change) {
        boolean suspended = suspensions.current(kind, target).isPresent();
        if (suspended == on) {
            return false;
        }
        change.run();
        return true;
    }

    /** {@code organization:<id>}, {@code project:<id>} or {@code user:<subject>} (in the incident's organization). */
    private boolean freeze(
            EdgeCaller caller,
            Optional<UUID> org,
            Incidents.Incident incident,
            String target,
            String reason,
            boolean on) {
        int colon = target.indexOf(':');
        String kind = colon < 0 ? "" : target.substring(0, colon);
        String id = target.substring(colon + 1);
        UUID orgId;
        UUID projectId = null;
        switch (kind) {
            case TransferFreezes.ORGANIZATION -> orgId = uuid(id);
            case TransferFreezes.PROJECT -> {
                Project project = projects.findByIdOptional(uuid(id))
                        .filter(p -> org.isEmpty() || p.orgId.equals(org.get()))
                        .orElseThrow(() -> ProblemException.notFound("Project " + id));
                orgId = project.orgId;
                projectId = project.id;
            }
            case TransferFreezes.USER -> {
                if (incident.orgId() == null || id.isBlank()) {
                    throw invalidTarget("A user's transfers are frozen in the incident's organization; this incident"
                            + " concerns none.");
                }
                orgId = incident.orgId();
            }
            default -> throw invalidTarget("freeze-transfers takes organization:<id>, project:<id> or user:<subject>.");
        }
        if (org.isPresent() && !org.get().equals(orgId)) {
            throw ProblemException.notFound("Organization " + orgId);
        }
        boolean changed = on
                ? freezes.freeze(kind, id, orgId, reason, caller.subject(), Instant.now())
                : freezes.lift(kind, id, orgId);
        if (changed) {
            audit.record(
                    caller,
                    Set.of(),
                    orgId,
                    projectId,
                    on ? "transfers.frozen" : "transfers.unfrozen",
                    "transfer-freeze",
                    target,
                    null,
                    Map.of("reason", reason));
        }
        return changed;
    }

    private IncidentView view(Incidents.Incident incident, Optional<UUID> org) {
        return IncidentView.of(
                incident,
                incidents.actions(incident.id()),
                SuggestedActions.of(incident, org.isEmpty() ? KINDS : ORGANIZATION_KINDS));
    }

    private static UUID uuid(String target) {
        return TenantAccess.parseUuid(target)
                .orElseThrow(() -> invalidTarget(
                        "The target is an id (UUID) here: " + target.length() + " characters" + " given."));
    }

    private static ProblemException invalidTarget(String detail) {
        return ProblemException.badRequest("invalid-target", detail);
    }

    /** An action to take: its kind, its target, and why (the incident's summary when none is given). */
    public record ActionRequest(
            @NotBlank @Size(max = 40) String kind,
            @NotBlank @Size(max = 300) String target,
            @Size(max = 1000) String reason) {}

    public record Resolution(@Size(max = 2000) String note) {}

    /** An incident, the actions taken on it, and those suggested by its subject and tenant. */
    public record IncidentView(
            UUID id,
            String detector,
            String severity,
            String status,
            String summary,
            String subject,
            UUID orgId,
            UUID projectId,
            long signalCount,
            @Schema(description = "What the signals had in common: {attribute: {value: count}}, e.g. source addresses")
                    Map<String, Map<String, Long>> evidence,
            Instant firstSignalAt,
            Instant lastSignalAt,
            Instant openedAt,
            Instant resolvedAt,
            String resolvedBy,
            String resolutionNote,
            List<Incidents.IncidentAction> actions,
            List<SuggestedActions.Suggestion> suggestedActions) {

        static IncidentView of(
                Incidents.Incident incident,
                List<Incidents.IncidentAction> actions,
                List<SuggestedActions.Suggestion> suggested) {
            return new IncidentView(
                    incident.id(),
                    incident.detector(),
                    incident.severity(),
                    incident.status(),
                    incident.summary(),
                    incident.subject(),
                    incident.orgId(),
                    incident.projectId(),
                    incident.signalCount(),
                    incident.evidence(),
                    incident.firstSignalAt(),
                    incident.lastSignalAt(),
                    incident.openedAt(),
                    incident.resolvedAt(),
                    incident.resolvedBy(),
                    incident.resolutionNote(),
                    actions,
                    suggested);
        }
    }
}
