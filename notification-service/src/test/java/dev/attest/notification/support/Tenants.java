package dev.attest.notification.support;

import static dev.attest.testing.Waits.waitFor;

import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.notification.repository.TenantRepository;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.TenantEventData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Seeds an org through the real tenant events, as the gateway publishes them, and waits until they are consumed. */
@ApplicationScoped
public class Tenants {
    private final TenantRepository tenants;
    private final dev.attest.common.tenant.Tenants replica;

    Tenants(TenantRepository tenants, dev.attest.common.tenant.Tenants replica) {
        this.tenants = tenants;
        this.replica = replica;
    }

    public void seed(EventPublisher events, String orgId, String projectId, String adminUserId, String adminEmail) {
        sendAdmin(events, orgId, adminUserId, adminEmail);
        sendProject(events, orgId, projectId);
        waitFor("project " + projectId)
                .until(() -> replica.project(orgId, projectId).isPresent());
        waitFor("admin of " + orgId).until(() -> tenants.admins(orgId).size(), n -> n == 1);
    }

    /** Another admin of a seeded org. */
    public void addAdmin(EventPublisher events, String orgId, String adminUserId, String adminEmail) {
        sendAdmin(events, orgId, adminUserId, adminEmail);
        waitFor("admin " + adminUserId + " of " + orgId)
                .until(() -> tenants.admins(orgId).stream().anyMatch(admin -> admin.userId.equals(adminUserId)));
    }

    /** Another project of a seeded org. */
    public void addProject(EventPublisher events, String orgId, String projectId) {
        sendProject(events, orgId, projectId);
        waitFor("project " + projectId)
                .until(() -> replica.project(orgId, projectId).isPresent());
    }

    private static void sendAdmin(EventPublisher events, String orgId, String adminUserId, String adminEmail) {
        events.send(
                Topics.TENANT,
                EventTypes.Tenant.MEMBER_ADDED,
                orgId,
                orgId,
                Map.of("org_id", orgId, "user_id", adminUserId, "role", "org-admin", "email", adminEmail));
    }

    private static void sendProject(EventPublisher events, String orgId, String projectId) {
        events.send(
                Topics.TENANT,
                EventTypes.Tenant.PROJECT_CREATED,
                orgId,
                orgId,
                TenantEventData.project(orgId, projectId, "persona", "ethereum-sepolia"));
    }
}
