package dev.attest.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.security.Roles;
import dev.attest.notification.service.NotificationListener;
import dev.attest.notification.support.Database;
import dev.attest.notification.support.SmtpRelayResource;
import dev.attest.notification.support.SseClient;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The live stream across instances: notifications written by another instance (here: inserted over a
 * connection of their own, never through this instance's code) reach a stream connected to this one,
 * and a resume by Last-Event-ID stays lossless.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(SmtpRelayResource.class)
@WithTestResource(GatewayTokens.class)
class NotificationStreamAcrossInstancesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Database database;

    @TestHTTPResource("/notifications/me/stream")
    URI stream;

    private final String org = "org-" + UUID.randomUUID();
    private final String user = "user-" + UUID.randomUUID();

    @Test
    void aNotificationWrittenByAnotherInstanceReachesTheStreamOnThisOne() throws Exception {
        try (SseClient live = SseClient.open(stream, token(), null)) {
            assertThat(live.status()).isEqualTo(200);
            long seq = insertElsewhere("kyc.verified");

            SseClient.Event event = live.next();
            assertThat(event).as("the other instance's notification").isNotNull();
            assertThat(event.id()).isEqualTo(Long.toString(seq));
            assertThat(typeOf(event)).isEqualTo("kyc.verified");
        }
    }

    @Test
    void aStreamResumesLosslesslyOverNotificationsOtherInstancesWroteWhileItWasAway() throws Exception {
        long first = insertElsewhere("kyc.started");
        long second = insertElsewhere("kyc.in-review");
        long third = insertElsewhere("kyc.verified");

        try (SseClient resumed = SseClient.open(stream, token(), Long.toString(first))) {
            assertThat(resumed.next().id()).isEqualTo(Long.toString(second));
            assertThat(resumed.next().id()).isEqualTo(Long.toString(third));
            long fourth = insertElsewhere("wallet.provisioned");
            assertThat(resumed.next().id()).isEqualTo(Long.toString(fourth));
        }
    }

    @Test
    void aRolledBackNotificationNeverReachesTheStream() throws Exception {
        try (SseClient live = SseClient.open(stream, token(), null)) {
            try (Connection connection = database.connect()) {
                connection.setAutoCommit(false);
                insert(connection, "transfer.failed");
                connection.rollback();
            }
            long committed = insertElsewhere("transfer.confirmed");

            SseClient.Event event = live.next();
            assertThat(event.id()).isEqualTo(Long.toString(committed));
            assertThat(typeOf(event)).isEqualTo("transfer.confirmed");
        }
    }

    @Test
    void whatIsWrittenWhileTheDatabaseListenerReconnectsStillReachesTheStream() throws Exception {
        try (SseClient live = SseClient.open(stream, token(), null)) {
            long before = insertElsewhere("kyc.started");
            assertThat(live.next().id()).isEqualTo(Long.toString(before));

            long during;
            try (Connection connection = database.connect();
                    Statement statement = connection.createStatement()) {
                // Waits until the listener's connection is gone; the insert right after commits while
                // nobody listens, so its announcement is lost and only the catch-up on reconnect finds it.
                try (ResultSet terminated = statement.executeQuery("select pg_terminate_backend(pid, 10000)"
                        + " from pg_stat_activity where application_name = '"
                        + NotificationListener.APPLICATION_NAME + "' and datname = current_database()")) {
                    assertThat(terminated.next())
                            .as("the listener's connection")
                            .isTrue();
                }
                during = insert(connection, "kyc.verified");
            }

            SseClient.Event event = live.next();
            assertThat(event)
                    .as("the notification written while nobody listened")
                    .isNotNull();
            assertThat(event.id()).isEqualTo(Long.toString(during));
            long after = insertElsewhere("wallet.provisioned");
            assertThat(live.next().id()).isEqualTo(Long.toString(after));
            assertThat(live.nextWithin(Duration.ofMillis(500))).isNull(); // and nothing twice
        }
    }

    /** Inserts and commits a notification of the test's user over a connection of its own; returns its seq. */
    private long insertElsewhere(String type) throws Exception {
        try (Connection connection = database.connect()) {
            return insert(connection, type);
        }
    }

    private long insert(Connection connection, String type) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into notification (id, org_id, user_id, type, text, link, source_event_id, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?) returning seq")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, org);
            insert.setString(3, user);
            insert.setString(4, type);
            insert.setString(5, "Written by another instance: " + type);
            insert.setString(6, "/kyc");
            insert.setString(7, UUID.randomUUID().toString());
            insert.setTimestamp(8, Timestamp.from(Instant.now()));
            try (ResultSet seq = insert.executeQuery()) {
                seq.next();
                return seq.getLong(1);
            }
        }
    }

    private String token() {
        return GatewayTokens.user(org, user, Roles.USER);
    }

    private static String typeOf(SseClient.Event event) throws Exception {
        JsonNode data = JSON.readTree(event.data());
        return data.path("type").asText();
    }
}
