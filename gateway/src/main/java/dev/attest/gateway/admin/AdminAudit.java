package dev.attest.gateway.admin;

import dev.attest.common.audit.AuditActor;
import dev.attest.common.audit.AuditChanges;
import dev.attest.common.audit.AuditEntry;
import dev.attest.common.audit.AuditTrail;
import dev.attest.gateway.security.EdgeCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The platform administration's actions in the cross-service audit trail (common's {@link AuditTrail}, in the
 * action's own transaction), besides its own records ({@code suspension_log}, {@code org_erasure}, {@code
 * org_plan.updated_by}). Where the trail is not built in ({@code attest.audit.enabled=false}), only the log says so.
 */
@ApplicationScoped
public class AdminAudit {
    private static final Logger LOG = Logger.getLogger(AdminAudit.class);

    private final Instance<AuditTrail> trail;

    AdminAudit(Instance<AuditTrail> trail) {
        this.trail = trail;
    }

    /**
     * Records {@code action} (e.g. {@code organization.suspended}) by a platform admin; must run in the action's
     * transaction. {@code orgId}: the organization acted on (null for a user, who belongs to none in particular).
     */
    public void record(
            EdgeCaller admin,
            String action,
            UUID orgId,
            UUID projectId,
            String targetType,
            String targetId,
            Map<String, ?> after) {
        LOG.infof("platform admin %s: %s %s %s", admin.subject(), action, targetType, targetId);
        if (!trail.isResolvable()) {
            return;
        }
        AuditEntry entry = AuditEntry.of(action, orgId == null ? null : orgId.toString(), targetType, targetId)
                .withProject(projectId == null ? null : projectId.toString())
                .withActor(new AuditActor(admin.subject(), AuditActor.PLATFORM, admin.realmRoles()));
        if (after != null && !after.isEmpty()) {
            entry = entry.withChanges(AuditChanges.of(null, after));
        }
        trail.get().record(entry);
    }
}
