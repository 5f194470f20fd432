package dev.attest.notification.messaging.in;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What this service reads of {@code attest.kyc.provider-credentials-rejected.v1} and
 * {@code attest.wallet.provider-credentials-rejected.v1}: which provider refused which operation, with
 * which status (the events carry no secret and no provider body).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProviderCredentialsRejected(
        String provider, String operation, @JsonProperty("status_code") Integer statusCode) {}
