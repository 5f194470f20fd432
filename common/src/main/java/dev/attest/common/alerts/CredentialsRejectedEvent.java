package dev.attest.common.alerts;

import dev.attest.common.events.OutgoingEvent;

/**
 * The service's own event announcing that a provider refused an organization's credentials (its type, topic and
 * payload are the service's: {@code attest.kyc.provider-credentials-rejected.v1},
 * {@code attest.wallet.provider-credentials-rejected.v1}). A service that uses {@link CredentialsRejectedAlerts}
 * declares exactly one bean of this type.
 */
public interface CredentialsRejectedEvent {
    /** The event for {@code orgId}: {@code provider} refused its credentials with {@code statusCode} during {@code operation}. */
    OutgoingEvent of(String orgId, String provider, String operation, int statusCode);
}
