package dev.attest.notification.support;

import dev.attest.common.events.Topics;
import dev.attest.notification.repository.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Seeds an org through the real tenant events, as the gateway publishes them, and waits until they are consumed. */
@ApplicationScoped
public class Tenants {
    private final TenantRepository tenants;

    Tenants(TenantRepository tenants) {
        this.tenants = tenants;
    }

    public void seed(Events events, String orgId, String projectId, String adminUserId, String adminEmail) {
        events.send(
                Topics.TENANT,
                "attest.tenant.member-added.v1",
                orgId,
                orgId,
                Map.of("org_id", orgId, "user_id", adminUserId, "role", "org-admin", "email", adminEmail));
        events.send(
                Topics.TENANT,
                "attest.tenant.project-created.v1",
                orgId,
                orgId,
                Map.of(
                        "org_id", orgId,
                        "project_id", projectId,
                        "name", "Demo",
                        "environment", "sandbox",
                        "kyc_provider", "persona",
                        "wallet_network", "ethereum-sepolia"));
        Await.until(() -> tenants.projectExists(orgId, projectId), Boolean::booleanValue, "project " + projectId);
        Await.until(() -> tenants.admins(orgId).size(), n -> n == 1, "admin of " + orgId);
    }
}
