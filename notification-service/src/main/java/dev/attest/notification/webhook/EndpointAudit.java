package dev.attest.notification.webhook;

import dev.attest.common.audit.AuditChanges;
import dev.attest.common.audit.AuditEntry;
import dev.attest.common.audit.AuditTrail;
import dev.attest.notification.WebhookEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.TreeSet;

/**
 * An org admin's changes to a project's webhook endpoints in the audit trail (issue 20): created, changed, deleted,
 * secret rotated, with the endpoint before and after. Never a secret: not the signing secrets, not the custom
 * headers' values (often credentials of the receiver), not the URL's query (where receivers put tokens).
 */
@ApplicationScoped
class EndpointAudit {
    private final AuditTrail trail;

    EndpointAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** Must run in the change's transaction, after the endpoint's row is written. */
    void record(String action, Object before, Object after, WebhookEndpoint endpoint) {
        trail.record(AuditEntry.of(action, endpoint.orgId, "webhook-endpoint", endpoint.id.toString())
                .withProject(endpoint.projectId)
                .withChanges(AuditChanges.of(before, after)));
    }

    /** What the trail keeps of an endpoint. */
    record Snapshot(
            String url,
            String description,
            List<String> eventTypes,
            List<String> headerNames,
            Integer rateLimit,
            boolean enabled) {
        static Snapshot of(WebhookEndpoint endpoint) {
            return new Snapshot(
                    withoutQuery(endpoint.url),
                    endpoint.description,
                    endpoint.eventTypes == null ? List.of() : List.copyOf(endpoint.eventTypes),
                    endpoint.headers == null ? List.of() : List.copyOf(new TreeSet<>(endpoint.headers.keySet())),
                    endpoint.rateLimit,
                    endpoint.enabled);
        }

        private static String withoutQuery(String url) {
            try {
                URI uri = URI.create(url);
                return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
                        .toString();
            } catch (IllegalArgumentException | java.net.URISyntaxException e) {
                return "(unparsable)";
            }
        }
    }
}
