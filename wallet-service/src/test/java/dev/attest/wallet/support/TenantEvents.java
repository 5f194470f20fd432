package dev.attest.wallet.support;

import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.TenantEventData;
import java.util.Map;

/** Publishes {@code attest.tenant.v1} organization and project events as the gateway does. */
public final class TenantEvents implements AutoCloseable {
    private final EventPublisher events = new EventPublisher();

    public void organizationCreated(String orgId, String slug) {
        send(
                EventTypes.Tenant.ORGANIZATION_CREATED,
                orgId,
                "organization/" + orgId,
                TenantEventData.organization(orgId, slug));
    }

    public void projectCreated(String orgId, String projectId, String walletNetwork) {
        send(
                EventTypes.Tenant.PROJECT_CREATED,
                orgId,
                "project/" + projectId,
                TenantEventData.project(orgId, projectId, "persona", walletNetwork));
    }

    private void send(String type, String orgId, String subject, Map<String, String> data) {
        events.event(Topics.TENANT, type, orgId, orgId, data).subject(subject).send();
    }

    @Override
    public void close() {
        events.close();
    }
}
