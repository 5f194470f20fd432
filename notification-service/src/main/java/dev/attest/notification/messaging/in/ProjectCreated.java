package dev.attest.notification.messaging.in;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What this service reads of {@code attest.tenant.project-created.v1}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectCreated(@JsonProperty("project_id") String projectId) {}
