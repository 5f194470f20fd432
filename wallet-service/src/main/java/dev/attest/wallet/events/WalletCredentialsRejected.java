package dev.attest.wallet.events;

import dev.attest.common.alerts.CredentialsRejectedEvent;
import dev.attest.common.events.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** This service's event for common's credentials alerts: {@code attest.wallet.provider-credentials-rejected.v1}. */
@ApplicationScoped
class WalletCredentialsRejected implements CredentialsRejectedEvent {
    @Override
    public OutgoingEvent of(String orgId, String provider, String operation, int statusCode) {
        return WalletEvents.providerCredentialsRejected(orgId, operation, statusCode);
    }
}
