package dev.attest.common.work;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The right to run one kind of work in one replica at a time: a PostgreSQL session advisory lock held on a
 * connection of its own. It ends when released or when that connection dies (a crashed replica's ends with its
 * session), and whoever takes it next must rebuild what it keeps in memory from the database.
 */
public final class ExclusiveLease {
    private static final Logger LOG = Logger.getLogger(ExclusiveLease.class);

    private final DataSource dataSource;
    private final String work;
    private final long key;
    private Connection held;

    public ExclusiveLease(DataSource dataSource, String work, long key) {
        this.dataSource = dataSource;
        this.work = work;
        this.key = key;
    }

    public long key() {
        return key;
    }

    /** Whether this process holds the lease now: it is taken if free; {@code taken} runs when it is newly taken. */
    public synchronized boolean acquire(Runnable taken) {
        try {
            if (held != null && held.isValid(2)) {
                return true;
            }
        } catch (SQLException e) {
            // a broken connection: its session, and the lock with it, is gone
        }
        closeQuietly();
        try {
            Connection connection = dataSource.getConnection();
            if (call(connection, "select pg_try_advisory_lock(?)")) {
                held = connection;
                taken.run();
                LOG.infof("this instance now runs %s", work);
                return true;
            }
            connection.close();
        } catch (SQLException e) {
            LOG.warnf("cannot take the lease of %s: %s", work, e.getMessage());
        }
        return false;
    }

    /** Gives the lease up, so another replica can take it. */
    public synchronized void release() {
        if (held == null) {
            return;
        }
        try {
            call(held, "select pg_advisory_unlock(?)");
        } catch (SQLException e) {
            // closing the session below ends the lock anyway
        }
        closeQuietly();
    }

    private boolean call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void closeQuietly() {
        if (held != null) {
            try {
                held.close();
            } catch (SQLException e) {
                // already gone
            }
            held = null;
        }
    }
}
