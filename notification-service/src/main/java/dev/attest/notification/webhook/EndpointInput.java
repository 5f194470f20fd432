package dev.attest.notification.webhook;

import java.util.List;
import java.util.Map;

/** What an admin states about an endpoint; on update, null fields are left as they are. */
public record EndpointInput(
        String url,
        String description,
        List<String> eventTypes,
        Map<String, String> headers,
        Integer rateLimit,
        Boolean enabled) {}
