package dev.attest.common.audit;

import java.util.Objects;

/**
 * One action to record in the audit trail ({@link AuditTrail#record}). Built with {@link #of} and the {@code with…}
 * methods; what is left out is taken from the request ({@link AuditTrail}: the actor from the gateway's token, the
 * source from the forwarded headers).
 *
 * @param action what was done, {@code <thing>.<verb-in-past>}, e.g. {@code dfns-settings.updated}
 * @param orgId on whose behalf: the organization; null for an action of the platform itself
 * @param projectId the project, if the action concerns one
 * @param targetType the kind of thing acted on, e.g. {@code api-key}
 * @param targetId its id
 * @param outcome {@value #SUCCESS}, {@value #DENIED} or {@value #FAILED}
 * @param actor who acted; null: the caller of the request (or the service when there is none)
 * @param changes the before/after of settings, secrets masked ({@link AuditChanges}); null when nothing was set
 * @param source where the request came from; null: from the current request, if any
 */
public record AuditEntry(
        String action,
        String orgId,
        String projectId,
        String targetType,
        String targetId,
        String outcome,
        AuditActor actor,
        AuditChanges changes,
        Source source) {
    public static final String SUCCESS = "success";
    public static final String DENIED = "denied";
    public static final String FAILED = "failed";

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        outcome = outcome == null ? SUCCESS : outcome;
    }

    /** A successful {@code action} on behalf of {@code orgId}, on {@code targetType}/{@code targetId}. */
    public static AuditEntry of(String action, String orgId, String targetType, String targetId) {
        return new AuditEntry(action, orgId, null, targetType, targetId, SUCCESS, null, null, null);
    }

    public AuditEntry withProject(String project) {
        return new AuditEntry(action, orgId, project, targetType, targetId, outcome, actor, changes, source);
    }

    public AuditEntry withOutcome(String result) {
        return new AuditEntry(action, orgId, projectId, targetType, targetId, result, actor, changes, source);
    }

    public AuditEntry withActor(AuditActor who) {
        return new AuditEntry(action, orgId, projectId, targetType, targetId, outcome, who, changes, source);
    }

    public AuditEntry withChanges(AuditChanges what) {
        return new AuditEntry(action, orgId, projectId, targetType, targetId, outcome, actor, what, source);
    }

    public AuditEntry withSource(Source from) {
        return new AuditEntry(action, orgId, projectId, targetType, targetId, outcome, actor, changes, from);
    }

    /** Where the request came from: the client's address as the gateway saw it, and its user agent. */
    public record Source(String ip, String userAgent) {
        public static final Source NONE = new Source(null, null);
    }
}
