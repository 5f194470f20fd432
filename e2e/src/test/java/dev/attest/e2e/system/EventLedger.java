package dev.attest.e2e.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Reads each service's outbox and inbox tables (PostgreSQL, the services' own databases) to check that
 * no event was lost: everything written to an outbox was published, and every event a consumer subscribes
 * to reached its inbox (once: the inbox's primary key makes a second record impossible, and the
 * services' own tests show a redelivered event has no second effect).
 */
final class EventLedger {
    /** A consumer's subscription: the producer's database and the event types the consumer acts on. */
    private record Subscription(String consumer, String producer, List<String> types) {}

    private static final List<String> TENANT = List.of(
            "attest.tenant.organization-created.v1",
            "attest.tenant.organization-updated.v1",
            "attest.tenant.project-created.v1",
            "attest.tenant.project-updated.v1");
    private static final List<String> KYC =
            List.of("attest.kyc.case-opened.v1", "attest.kyc.status-changed.v1", "attest.kyc.claim-recorded.v1");
    private static final List<String> WALLET =
            List.of("attest.wallet.provisioned.v1", "attest.wallet.transfer-status-changed.v1");
    private static final List<String> IDENTITY = List.of(
            "attest.identity.created.v1", "attest.identity.claim-issued.v1", "attest.identity.claim-revoked.v1");
    private static final List<String> DOCUMENT = List.of(
            "attest.document.stored.v1",
            "attest.document.confirmed.v1",
            "attest.document.storage-failed.v1",
            "attest.document.case-decided.v1");

    /** docs/events.md, "Who consumes what", for the events an onboarding and the console's tests produce. */
    private static final List<Subscription> SUBSCRIPTIONS = List.of(
            new Subscription("attest_wallet", "attest_compliance", List.of("attest.kyc.status-changed.v1")),
            new Subscription("attest_wallet", "attest_gateway", TENANT),
            new Subscription("attest_identity", "attest_compliance", List.of("attest.kyc.status-changed.v1")),
            new Subscription("attest_identity", "attest_wallet", List.of("attest.wallet.provisioned.v1")),
            new Subscription(
                    "attest_compliance",
                    "attest_identity",
                    List.of("attest.identity.claim-issued.v1", "attest.identity.claim-revoked.v1")),
            new Subscription("attest_compliance", "attest_gateway", TENANT),
            new Subscription("attest_notification", "attest_compliance", KYC),
            new Subscription("attest_notification", "attest_wallet", WALLET),
            new Subscription("attest_notification", "attest_identity", IDENTITY),
            new Subscription("attest_notification", "attest_document", DOCUMENT),
            new Subscription("attest_notification", "attest_gateway", TENANT),
            new Subscription("attest_gateway", "attest_compliance", List.of("attest.kyc.case-opened.v1")),
            new Subscription("attest_gateway", "attest_wallet", WALLET));

    private static final List<String> DATABASES = List.of(
            "attest_gateway",
            "attest_compliance",
            "attest_wallet",
            "attest_identity",
            "attest_notification",
            "attest_document");
    private static final String UNPUBLISHED = "select count(*) from attest_outbox where sent_at is null";

    private final LocalStack stack;

    EventLedger(LocalStack stack) {
        this.stack = stack;
    }

    /**
     * Delivery is asynchronous: the last events of the run (the other organization's, for one) may still be on
     * their way, so the ledger is read again until it balances or a minute has passed.
     */
    void assertNothingLost() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!balances() && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        for (String database : DATABASES) {
            assertThat(count(database, UNPUBLISHED))
                    .as("unpublished outbox rows in %s", database)
                    .isZero();
        }
        for (Subscription subscription : SUBSCRIPTIONS) {
            assertThat(consumed(subscription))
                    .as(
                            "events %s published by %s and recorded in %s's inbox",
                            subscription.types(), subscription.producer(), subscription.consumer())
                    .containsAll(published(subscription));
        }
    }

    private boolean balances() throws SQLException {
        for (String database : DATABASES) {
            if (count(database, UNPUBLISHED) > 0) {
                return false;
            }
        }
        for (Subscription subscription : SUBSCRIPTIONS) {
            if (!consumed(subscription).containsAll(published(subscription))) {
                return false;
            }
        }
        return true;
    }

    private Set<String> published(Subscription subscription) throws SQLException {
        return ids(
                subscription.producer(),
                "select id::text from attest_outbox where type in ('" + String.join("','", subscription.types())
                        + "')");
    }

    private Set<String> consumed(Subscription subscription) throws SQLException {
        return ids(subscription.consumer(), "select event_id from attest_inbox");
    }

    private long count(String database, String sql) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Set<String> ids(String database, String sql) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), "postgres", "postgres");
    }
}
