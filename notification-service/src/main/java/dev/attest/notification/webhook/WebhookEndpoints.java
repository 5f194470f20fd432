package dev.attest.notification.webhook;

import dev.attest.common.net.OutboundAddressGuard;
import dev.attest.common.net.RefusedAddressException;
import dev.attest.common.problem.ProblemException;
import dev.attest.common.tenant.Tenants;
import dev.attest.notification.WebhookAttempt;
import dev.attest.notification.WebhookDelivery;
import dev.attest.notification.WebhookEndpoint;
import dev.attest.notification.WebhookMessage;
import dev.attest.notification.config.NotificationConfig;
import dev.attest.notification.repository.WebhookDeliveryRepository;
import dev.attest.notification.repository.WebhookEndpointRepository;
import dev.attest.notification.repository.WebhookMessageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What org admins do with the webhook endpoints of a project. Every lookup is scoped by org and project. */
@ApplicationScoped
public class WebhookEndpoints {
    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookMessageRepository messages;
    private final Tenants tenants;
    private final OutboundAddressGuard guard;
    private final EndpointSecrets secrets;
    private final WebhookFanout fanout;
    private final NotificationConfig config;
    private final Clock clock;

    private final EndpointAudit audit;

    WebhookEndpoints(
            WebhookEndpointRepository endpoints,
            WebhookDeliveryRepository deliveries,
            WebhookMessageRepository messages,
            Tenants tenants,
            OutboundAddressGuard guard,
            EndpointSecrets secrets,
            WebhookFanout fanout,
            NotificationConfig config,
            Clock clock,
            EndpointAudit audit) {
        this.audit = audit;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.messages = messages;
        this.tenants = tenants;
        this.guard = guard;
        this.secrets = secrets;
        this.fanout = fanout;
        this.config = config;
        this.clock = clock;
    }

    /** An endpoint with the plaintext secret, which only creation and rotation ever return. */
    public record WithSecret(WebhookEndpoint endpoint, String secret) {}

    /** A delivery of a message to an endpoint, with its attempts. */
    public record DeliveryLog(WebhookDelivery delivery, WebhookMessage message, List<WebhookAttempt> attempts) {}

    @Transactional
    public WithSecret create(String orgId, String projectId, EndpointInput input) {
        requireProject(orgId, projectId);
        EndpointInputValidator.validate(input, true);
        checkUrl(input.url());
        Instant now = clock.instant();
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.orgId = orgId;
        endpoint.projectId = projectId;
        endpoint.url = input.url();
        endpoint.description = input.description();
        endpoint.eventTypes = input.eventTypes() == null ? List.of() : List.copyOf(input.eventTypes());
        endpoint.headers = input.headers() == null ? Map.of() : Map.copyOf(input.headers());
        endpoint.rateLimit = input.rateLimit();
        endpoint.enabled = input.enabled() == null || input.enabled();
        endpoint.createdAt = now;
        endpoint.updatedAt = now;
        String secret = WebhookSigner.newSecret();
        endpoint.secret = secrets.seal(endpoint, secret);
        endpoints.persist(endpoint);
        endpoints.flush(); // the endpoint's row before the audit chain's head (docs/audit.md)
        audit.record("webhook-endpoint.created", null, EndpointAudit.Snapshot.of(endpoint), endpoint);
        return new WithSecret(endpoint, secret);
    }

    public List<WebhookEndpoint> list(String orgId, String projectId) {
        requireProject(orgId, projectId);
        return endpoints.ofProject(orgId, projectId);
    }

    public WebhookEndpoint get(String orgId, String projectId, UUID id) {
        return endpoints
                .ofProject(orgId, projectId, id)
                .orElseThrow(() -> ProblemException.notFound("Webhook endpoint " + id));
    }

    @Transactional
    public WebhookEndpoint update(String orgId, String projectId, UUID id, EndpointInput input) {
        WebhookEndpoint endpoint = get(orgId, projectId, id);
        EndpointInputValidator.validate(input, false);
        EndpointAudit.Snapshot before = EndpointAudit.Snapshot.of(endpoint);
        if (input.url() != null) {
            checkUrl(input.url());
            endpoint.url = input.url();
        }
        if (input.description() != null) {
            endpoint.description = input.description();
        }
        if (input.eventTypes() != null) {
            endpoint.eventTypes = List.copyOf(input.eventTypes());
        }
        if (input.headers() != null) {
            endpoint.headers = Map.copyOf(input.headers());
        }
        if (input.rateLimit() != null) {
            endpoint.rateLimit = input.rateLimit();
        }
        if (input.enabled() != null) {
            if (input.enabled() && !endpoint.enabled) {
                endpoint.disabledReason = null;
                endpoint.failingSince = null;
            }
            endpoint.enabled = input.enabled();
        }
        endpoint.updatedAt = clock.instant();
        endpoints.flush();
        audit.record("webhook-endpoint.updated", before, EndpointAudit.Snapshot.of(endpoint), endpoint);
        return endpoint;
    }

    @Transactional
    public void delete(String orgId, String projectId, UUID id) {
        WebhookEndpoint endpoint = get(orgId, projectId, id);
        endpoints.delete(endpoint);
        endpoints.flush();
        audit.record("webhook-endpoint.deleted", EndpointAudit.Snapshot.of(endpoint), null, endpoint);
    }

    /** A new secret; the previous one keeps signing for the grace period, so receivers can switch over. */
    @Transactional
    public WithSecret rotateSecret(String orgId, String projectId, UUID id) {
        WebhookEndpoint endpoint = get(orgId, projectId, id);
        Instant now = clock.instant();
        String secret = WebhookSigner.newSecret();
        endpoint.previousSecret = endpoint.secret;
        endpoint.previousSecretUntil = now.plus(config.webhooks().rotationGracePeriod());
        endpoint.secret = secrets.seal(endpoint, secret);
        endpoint.updatedAt = now;
        endpoints.flush();
        // the fact and the old secret's end, never a secret
        audit.record(
                "webhook-endpoint.secret-rotated",
                null,
                Map.of("previous_secret_valid_until", endpoint.previousSecretUntil.toString()),
                endpoint);
        return new WithSecret(endpoint, secret);
    }

    public List<DeliveryLog> deliveries(String orgId, String projectId, UUID id, int page, int size) {
        WebhookEndpoint endpoint = get(orgId, projectId, id);
        return deliveries.ofEndpoint(endpoint.id, page, size).stream()
                .map(d -> new DeliveryLog(d, messages.findById(d.messageId), deliveries.attemptsOf(d.id)))
                .toList();
    }

    /** Sends one message to the endpoint again, with its original webhook-id, on a fresh schedule. */
    @Transactional
    public void resend(String orgId, String projectId, UUID id, String messageId) {
        WebhookEndpoint endpoint = requireEnabled(get(orgId, projectId, id));
        WebhookDelivery delivery = deliveries
                .of(endpoint.id, messageId)
                .orElseThrow(() -> ProblemException.notFound("Message " + messageId));
        reschedule(delivery);
    }

    /** Sends every message that failed for good since {@code since} again; returns how many. */
    @Transactional
    public int recover(String orgId, String projectId, UUID id, Instant since) {
        WebhookEndpoint endpoint = requireEnabled(get(orgId, projectId, id));
        List<WebhookDelivery> failed = deliveries.failedSince(endpoint.id, since);
        failed.forEach(this::reschedule);
        return failed.size();
    }

    @Transactional
    public WebhookMessage sendTest(String orgId, String projectId, UUID id) {
        return fanout.sendTest(requireEnabled(get(orgId, projectId, id)));
    }

    private void reschedule(WebhookDelivery delivery) {
        Instant now = clock.instant();
        delivery.status = WebhookDelivery.PENDING;
        delivery.attempts = 0;
        delivery.nextAttemptAt = now;
        delivery.updatedAt = now;
    }

    private static WebhookEndpoint requireEnabled(WebhookEndpoint endpoint) {
        if (!endpoint.enabled) {
            throw ProblemException.conflict(
                    "webhook-endpoint-disabled", "The endpoint is disabled; enable it before sending to it.");
        }
        return endpoint;
    }

    private void requireProject(String orgId, String projectId) {
        if (tenants.project(orgId, projectId).isEmpty()) {
            throw ProblemException.notFound("Project " + projectId);
        }
    }

    private void checkUrl(String url) {
        try {
            guard.check(url);
        } catch (RefusedAddressException e) {
            throw ProblemException.badRequest("webhook-url-refused", e.getMessage());
        }
    }
}
