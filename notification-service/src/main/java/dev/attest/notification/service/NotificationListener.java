package dev.attest.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens to {@code NOTIFY attest_notification} on a connection of its own and wakes this instance's
 * streams. The database announces every committed notification, whichever instance wrote it (a trigger,
 * see {@code V2__notification_stream_across_instances.sql}), so a user's stream on any instance gets what
 * any instance created. When the connection breaks, it reconnects and wakes every stream, because
 * announcements made meanwhile are lost; the streams then read what they missed from the database.
 */
@ApplicationScoped
public class NotificationListener {
    static final String CHANNEL = "attest_notification";
    /** The listener's connection shows under this name in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "attest-notification-listener";

    private static final Logger LOG = Logger.getLogger(NotificationListener.class);
    private static final int POLL_MS = 500;
    private static final long MAX_BACKOFF_MS = 5_000;

    private final NotificationBroadcaster broadcaster;
    private final ObjectMapper mapper;
    private final String url;
    private final String user;
    private final Optional<String> password;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    NotificationListener(
            NotificationBroadcaster broadcaster,
            ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "attest") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.broadcaster = broadcaster;
        this.mapper = mapper;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent started) {
        running = true;
        thread = new Thread(this::listen, "notification-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        closeQuietly(connection);
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        long backoffMs = 100;
        while (running) {
            try (Connection listening = connect()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                backoffMs = 100;
                broadcaster.wakeUpAll(); // what was announced while not listening is read now
                PGConnection pg = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] announced = pg.getNotifications(POLL_MS);
                    if (announced != null) {
                        for (PGNotification notification : announced) {
                            wakeUp(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("notification listener lost its database connection (%s); reconnecting", e.getMessage());
                sleep(backoffMs);
                backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url, properties);
    }

    private void wakeUp(String payload) {
        try {
            JsonNode announced = mapper.readTree(payload);
            broadcaster.wakeUp(
                    announced.path("org_id").asText(), announced.path("user_id").asText());
        } catch (IOException e) {
            LOG.warnf("ignoring a malformed %s announcement", CHANNEL);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Closing on shutdown; nothing to do about it.
            }
        }
    }
}
