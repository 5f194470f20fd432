package dev.attest.notification.messaging.in;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What this service reads of {@code attest.security.incident-opened.v1}: which detector of the gateway raised
 * which incident, how severe, for which organization and project (null: the platform, or the whole organization).
 * Read as text, so that a malformed value is the handler's decision (dead letter or a stand-in), not a parse error.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SecurityIncidentOpened(
        @JsonProperty("incident_id") String incidentId,
        String detector,
        String severity,
        String summary,
        @JsonProperty("org_id") String orgId,
        @JsonProperty("project_id") String projectId,
        @JsonProperty("signal_count") Integer signalCount,
        @JsonProperty("opened_at") String openedAt) {}
