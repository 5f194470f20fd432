package dev.attest.wallet.service;

import dev.attest.common.outbox.Outbox;
import dev.attest.wallet.client.CredentialsRejected;
import dev.attest.wallet.messaging.WalletEvents;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Alerts an organization's admins when Dfns refuses its credentials (401/403): emits
 * {@code attest.wallet.provider-credentials-rejected.v1}, at most once per organization per hour. The hour
 * is kept in the database, so several instances and restarts still send one alert.
 */
@ApplicationScoped
public class CredentialsRejectedAlarm {
    private static final Logger LOG = Logger.getLogger(CredentialsRejectedAlarm.class);

    // Inserts the org's first alert, or moves an alert older than an hour; otherwise touches nothing.
    private static final String CLAIM_ALERT = "insert into credentials_alert (org_id, provider, last_sent_at)"
            + " values (?1, 'dfns', now()) on conflict (org_id, provider) do update"
            + " set last_sent_at = excluded.last_sent_at"
            + " where credentials_alert.last_sent_at <= excluded.last_sent_at - interval '1 hour'";

    private final Outbox outbox;

    CredentialsRejectedAlarm(Outbox outbox) {
        this.outbox = outbox;
    }

    void onRejected(@Observes CredentialsRejected rejected) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                int claimed = Panache.getEntityManager()
                        .createNativeQuery(CLAIM_ALERT)
                        .setParameter(1, rejected.orgId())
                        .executeUpdate();
                if (claimed == 1) {
                    outbox.publish(WalletEvents.providerCredentialsRejected(
                            rejected.orgId(), rejected.operation(), rejected.statusCode()));
                }
            });
        } catch (RuntimeException e) {
            // The caller's own error is what matters to it; the alert is tried again at the next refusal.
            LOG.warnf("could not record the credentials alert of org %s: %s", rejected.orgId(), e.toString());
        }
    }
}
