package dev.attest.common.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attest.common.testapp.Notes;
import dev.attest.common.testapp.TestCredentialsRejected;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class CredentialsRejectedAlertsTest {
    @Inject
    CredentialsRejectedAlerts alerts;

    @Inject
    Notes notes;

    @Inject
    AgroalDataSource dataSource;

    /** A provider client's failure, refusing the credentials or not. */
    static class ProviderFailure extends RuntimeException implements CredentialsRejection {
        private final OptionalInt status;

        ProviderFailure(OptionalInt status) {
            super("the provider failed");
            this.status = status;
        }

        @Override
        public OptionalInt credentialsRejectedStatus() {
            return status;
        }
    }

    @Test
    void oneAlertAnHourPerOrganizationAndProviderThatStandsAlthoughTheRefusedOperationRollsBack() throws Exception {
        String org = "org-" + UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    alerts.rejected(org, "persona", "create-inquiry", 401);
                    throw new IllegalStateException("the refused operation rolls back");
                }))
                .isInstanceOf(RuntimeException.class);
        alerts.rejected(org, "persona", "resume-inquiry", 403);
        alerts.rejected(org, "dfns", "create-wallet", 401);

        assertThat(alertsOf(org, "persona")).isEqualTo(1);
        assertThat(alertsOf(org, "dfns")).isEqualTo(1);
        assertThat(notes.count(
                        "select count(*) from attest_outbox where org_id = ? and data->>'operation' = 'create-inquiry'",
                        org))
                .isEqualTo(1);

        // An hour later the next refusal alerts again.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement backdate = connection.prepareStatement(
                        "update attest_credentials_alert"
                                + " set last_sent_at = now() - interval '61 minutes' where org_id = ? and provider = 'persona'")) {
            backdate.setString(1, org);
            backdate.executeUpdate();
        }
        alerts.rejected(org, "persona", "create-inquiry", 401);
        assertThat(alertsOf(org, "persona")).isEqualTo(2);
    }

    @Test
    void watchingAlertsOnRefusedCredentialsOnlyAndTheCallsOwnFailurePropagates() {
        String refusedOrg = "org-" + UUID.randomUUID();
        ProviderFailure refused = new ProviderFailure(OptionalInt.of(401));
        assertThatThrownBy(() -> alerts.watching(refusedOrg, "persona", "create-inquiry", () -> {
                    throw refused;
                }))
                .isSameAs(refused);
        assertThat(alertsOf(refusedOrg, "persona")).isEqualTo(1);

        String otherOrg = "org-" + UUID.randomUUID();
        ProviderFailure unavailable = new ProviderFailure(OptionalInt.empty());
        assertThatThrownBy(() -> alerts.watching(otherOrg, "persona", "create-inquiry", () -> {
                    throw unavailable;
                }))
                .isSameAs(unavailable);
        assertThatThrownBy(() -> alerts.watching(otherOrg, "persona", "create-inquiry", () -> {
                    throw new IllegalStateException("not a provider's answer");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(alerts.watching(otherOrg, "persona", "create-inquiry", () -> "answered"))
                .isEqualTo("answered");
        assertThat(alertsOf(otherOrg, "persona")).isZero();
    }

    @Test
    void anAlertThatCannotBeRecordedDoesNotFailTheCallerAndTheNextRefusalTriesAgain() {
        String org = "org-" + UUID.randomUUID();
        // The outbox refuses an event its schema refuses: the alert's transaction fails.
        alerts.rejected(org, "persona", "Not An Operation", 401);
        assertThat(alertsOf(org, "persona")).isZero();
        assertThat(notes.count("select count(*) from attest_credentials_alert where org_id = ?", org))
                .as("the hour is not used up")
                .isZero();

        alerts.rejected(org, "persona", "create-inquiry", 401);
        assertThat(alertsOf(org, "persona")).isEqualTo(1);
    }

    private long alertsOf(String org, String provider) {
        return notes.count(
                "select count(*) from attest_outbox where type = ? and org_id = ? and data->>'provider' = ?",
                TestCredentialsRejected.TYPE,
                org,
                provider);
    }
}
