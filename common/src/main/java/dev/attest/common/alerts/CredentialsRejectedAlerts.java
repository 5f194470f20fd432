package dev.attest.common.alerts;

import dev.attest.common.outbox.Outbox;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Tells an organization's admins (through notification-service) that a provider refused its credentials: the
 * service's {@link CredentialsRejectedEvent}, at most once per organization and provider an hour, so a broken key
 * does not flood them while every call fails. The hour is kept in the database ({@code attest_credentials_alert},
 * location {@code db/alerts}), so several instances and restarts still send one alert.
 *
 * <p>Failure behaviour: the alert is a side effect of a refused call and never changes that call's outcome. It is
 * claimed and published in a transaction of its own, so it stands although the refused operation rolls back; if
 * that transaction fails (database or outbox), the failure is logged and swallowed: the caller still sees the
 * provider's refusal (or carries on, after a credentials check), not an error of the alert, and since the claim
 * rolled back with it the next refusal tries the alert again. Letting the alert's failure propagate instead would
 * turn a classified provider refusal (an answer such as 502 {@code kyc-provider-rejected}, a retry decision) into
 * an unclassified error.
 */
@ApplicationScoped
public class CredentialsRejectedAlerts {
    private static final Logger LOG = Logger.getLogger(CredentialsRejectedAlerts.class);

    /** Claims the hour: inserts, or moves an alert older than an hour; zero rows means one went out recently. */
    private static final String CLAIM = "insert into attest_credentials_alert (org_id, provider, last_sent_at)"
            + " values (?, ?, now()) on conflict (org_id, provider) do update set last_sent_at = excluded.last_sent_at"
            + " where attest_credentials_alert.last_sent_at <= excluded.last_sent_at - interval '1 hour'";

    private final AgroalDataSource dataSource;
    private final Outbox outbox;
    private final Instance<CredentialsRejectedEvent> events;

    CredentialsRejectedAlerts(AgroalDataSource dataSource, Outbox outbox, Instance<CredentialsRejectedEvent> events) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.events = events;
    }

    /**
     * Runs a provider call made with {@code orgId}'s credentials: when it fails with a {@link CredentialsRejection}
     * that says the credentials were refused, the admins are alerted; the failure propagates as it was.
     */
    public <T> T watching(String orgId, String provider, String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (e instanceof CredentialsRejection rejection) {
                rejection.credentialsRejectedStatus().ifPresent(status -> rejected(orgId, provider, operation, status));
            }
            throw e;
        }
    }

    /** {@code provider} refused {@code orgId}'s credentials with {@code statusCode}: alerts the admins, never throws. */
    public void rejected(String orgId, String provider, String operation, int statusCode) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (claim(orgId, provider)) {
                    outbox.publish(events.get().of(orgId, provider, operation, statusCode));
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf(
                    "could not raise the credentials alert of org %s (%s, %s); the next refusal tries again: %s",
                    orgId, provider, operation, e.toString());
        }
    }

    private boolean claim(String orgId, String provider) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setString(1, orgId);
            claim.setString(2, provider);
            return claim.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim the credentials alert of org " + orgId, e);
        }
    }
}
