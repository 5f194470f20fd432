package dev.attest.compliance.support;

import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.TenantEventData;
import java.time.OffsetDateTime;
import java.util.Map;

/** Publishes tenant events on {@code attest.tenant.v1} as the gateway does. */
public final class TenantEvents {
    private TenantEvents() {}

    public static void organization(String eventId, String type, String orgId, String slug, OffsetDateTime at) {
        send(eventId, type, orgId, at, TenantEventData.organization(orgId, slug));
    }

    public static void project(String orgId, String projectId, String kycProvider) {
        send(
                "evt-" + projectId,
                EventTypes.Tenant.PROJECT_CREATED,
                orgId,
                OffsetDateTime.now(),
                TenantEventData.project(orgId, projectId, kycProvider, "ethereum-sepolia"));
    }

    public static void send(String eventId, String type, String orgId, OffsetDateTime at, Map<String, ?> data) {
        try (EventPublisher events = new EventPublisher()) {
            events.event(Topics.TENANT, type, orgId, orgId, data)
                    .id(eventId)
                    .subject("organization/" + orgId)
                    .time(at)
                    .send();
        }
    }
}
