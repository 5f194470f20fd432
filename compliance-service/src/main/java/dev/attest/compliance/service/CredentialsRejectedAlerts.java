package dev.attest.compliance.service;

import dev.attest.common.outbox.Outbox;
import dev.attest.compliance.messaging.KycEvents;
import dev.attest.compliance.provider.KycProviderException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Tells the organization's admins (through notification-service) that a provider refused its credentials:
 * {@code attest.kyc.provider-credentials-rejected.v1}, at most once per organization and provider an hour,
 * so a broken key does not flood them while every user's start fails.
 */
@ApplicationScoped
public class CredentialsRejectedAlerts {
    /** Claims the hour: inserts, or moves an alert older than an hour; zero rows means one went out recently. */
    private static final String CLAIM = "insert into provider_credentials_alert (org_id, provider, last_sent_at)"
            + " values (?1, ?2, now()) on conflict (org_id, provider) do update set last_sent_at = now()"
            + " where provider_credentials_alert.last_sent_at <= now() - interval '1 hour'";

    private final EntityManager entities;
    private final Outbox outbox;

    CredentialsRejectedAlerts(EntityManager entities, Outbox outbox) {
        this.entities = entities;
        this.outbox = outbox;
    }

    /** Runs a provider call made with {@code orgId}'s credentials; a 401/403 raises the alert, then propagates. */
    public <T> T watching(String orgId, String provider, String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (KycProviderException e) {
            if (e.kind() == KycProviderException.Kind.UNAUTHORIZED) {
                rejected(orgId, provider, operation, e.status());
            }
            throw e;
        }
    }

    /** In its own transaction: the alert stands even though the refused operation rolls back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void rejected(String orgId, String provider, String operation, int statusCode) {
        int claimed = entities.createNativeQuery(CLAIM)
                .setParameter(1, orgId)
                .setParameter(2, provider)
                .executeUpdate();
        if (claimed == 1) {
            outbox.publish(KycEvents.credentialsRejected(orgId, provider, operation, statusCode));
        }
    }
}
