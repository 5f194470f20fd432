package dev.attest.notification.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.attest.notification.WebhookEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An endpoint as the API shows it. Custom header values may be credentials of the receiver, so only their
 * names are shown; the signing secret appears only in the answer to creation and rotation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EndpointView(
        UUID id,
        String projectId,
        String url,
        String description,
        List<String> eventTypes,
        Set<String> headerNames,
        Integer rateLimit,
        boolean enabled,
        String disabledReason,
        Instant createdAt,
        Instant updatedAt,
        String secret) {

    static EndpointView of(WebhookEndpoint endpoint) {
        return withSecret(endpoint, null);
    }

    static EndpointView withSecret(WebhookEndpoint endpoint, String secret) {
        return new EndpointView(
                endpoint.id,
                endpoint.projectId,
                endpoint.url,
                endpoint.description,
                endpoint.eventTypes,
                new TreeSet<>(endpoint.headers.keySet()),
                endpoint.rateLimit,
                endpoint.enabled,
                endpoint.disabledReason,
                endpoint.createdAt,
                endpoint.updatedAt,
                secret);
    }
}
