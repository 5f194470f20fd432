package dev.attest.notification.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.contracts.EventTypes;
import dev.attest.notification.WebhookDelivery;
import dev.attest.notification.WebhookEndpoint;
import dev.attest.notification.WebhookMessage;
import dev.attest.notification.repository.WebhookDeliveryRepository;
import dev.attest.notification.repository.WebhookEndpointRepository;
import dev.attest.notification.repository.WebhookMessageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Turns a domain event of a project into a webhook message and one delivery per subscribed endpoint, due
 * at once. Runs in the transaction of the consumed event, so the message exists exactly once.
 */
@ApplicationScoped
public class WebhookFanout {
    private final WebhookEndpointRepository endpoints;
    private final WebhookMessageRepository messages;
    private final WebhookDeliveryRepository deliveries;
    private final ObjectMapper mapper;
    private final Clock clock;

    WebhookFanout(
            WebhookEndpointRepository endpoints,
            WebhookMessageRepository messages,
            WebhookDeliveryRepository deliveries,
            ObjectMapper mapper,
            Clock clock) {
        this.endpoints = endpoints;
        this.messages = messages;
        this.deliveries = deliveries;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Sends {@code data} (ids and states only) as {@code eventType} to the project's subscribed endpoints. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(
            String orgId, String projectId, String eventType, String sourceEventId, Instant time, JsonNode data) {
        List<WebhookEndpoint> subscribed = endpoints.enabledOfProject(orgId, projectId).stream()
                .filter(endpoint -> endpoint.accepts(eventType))
                .toList();
        if (subscribed.isEmpty()) {
            return;
        }
        WebhookMessage message = newMessage(orgId, projectId, eventType, sourceEventId, time, data);
        subscribed.forEach(endpoint -> enqueue(message, endpoint));
    }

    /**
     * Sends {@code data} as {@code eventType} to the subscribed endpoints of every project of the org: one message
     * per project, as if each project had the event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishToOrganization(
            String orgId, String eventType, String sourceEventId, Instant time, JsonNode data) {
        endpoints
                .projectsWithEnabledEndpoints(orgId)
                .forEach(projectId -> publish(orgId, projectId, eventType, sourceEventId, time, data));
    }

    /** A test message to one endpoint, whatever its filter says. */
    @Transactional(Transactional.TxType.MANDATORY)
    public WebhookMessage sendTest(WebhookEndpoint endpoint) {
        ObjectNode data = mapper.createObjectNode().put("endpoint_id", endpoint.id.toString());
        WebhookMessage message =
                newMessage(endpoint.orgId, endpoint.projectId, EventTypes.Webhook.TEST, null, clock.instant(), data);
        enqueue(message, endpoint);
        return message;
    }

    private WebhookMessage newMessage(
            String orgId, String projectId, String eventType, String sourceEventId, Instant time, JsonNode data) {
        ObjectNode payload = mapper.createObjectNode();
        payload.put("type", eventType);
        payload.put("timestamp", time.toString());
        payload.set("data", data);
        WebhookMessage message = new WebhookMessage();
        message.id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        message.orgId = orgId;
        message.projectId = projectId;
        message.eventType = eventType;
        message.payload = payload.toString();
        message.sourceEventId = sourceEventId;
        message.createdAt = clock.instant();
        messages.persist(message);
        return message;
    }

    private void enqueue(WebhookMessage message, WebhookEndpoint endpoint) {
        Instant now = clock.instant();
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = UUID.randomUUID();
        delivery.messageId = message.id;
        delivery.endpointId = endpoint.id;
        delivery.status = WebhookDelivery.PENDING;
        delivery.attempts = 0;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        delivery.updatedAt = now;
        deliveries.persist(delivery);
    }
}
