package dev.attest.notification.messaging.in;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What this service reads of {@code attest.tenant.member-*.v1}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberChanged(@JsonProperty("user_id") String userId, String role, String email) {}
