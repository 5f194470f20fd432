package dev.attest.notification.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Payload of {@code attest.notification.endpoint-disabled.v1}. */
public record EndpointDisabled(
        @JsonProperty("endpoint_id") String endpointId, @JsonProperty("project_id") String projectId, String reason) {}
