package dev.attest.notification.webhook;

import dev.attest.common.events.OutgoingEvent;
import dev.attest.common.events.Topics;
import dev.attest.common.outbox.Outbox;
import dev.attest.contracts.EventTypes;
import dev.attest.notification.WebhookEndpoint;
import dev.attest.notification.events.EndpointDisabled;
import dev.attest.notification.service.AdminAlerts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Disables an endpoint that is gone or has failed too long, announces it, and tells the org's admins. */
@ApplicationScoped
public class EndpointDisabler {
    private final Outbox outbox;
    private final AdminAlerts alerts;
    private final Clock clock;

    EndpointDisabler(Outbox outbox, AdminAlerts alerts, Clock clock) {
        this.outbox = outbox;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void disable(WebhookEndpoint endpoint, String reason) {
        endpoint.enabled = false;
        endpoint.disabledReason = reason;
        endpoint.updatedAt = clock.instant();
        var eventId = outbox.publish(new OutgoingEvent(
                Topics.NOTIFICATION,
                EventTypes.Notification.ENDPOINT_DISABLED,
                endpoint.orgId + ":" + endpoint.id,
                "webhook-endpoint/" + endpoint.id,
                endpoint.orgId,
                new EndpointDisabled(endpoint.id.toString(), endpoint.projectId, reason)));
        alerts.critical(
                endpoint.orgId,
                eventId.toString(),
                "webhook.endpoint-disabled",
                "Webhook endpoint disabled",
                "The webhook endpoint " + endpoint.id + " of project " + endpoint.projectId
                        + " was disabled: " + reason + ". Fix the receiver, enable the endpoint and recover"
                        + " its failed messages.",
                "/projects/" + endpoint.projectId + "/webhooks/" + endpoint.id);
    }
}
