package dev.attest.identity.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.web3j.crypto.Hash;

/**
 * One issuance worker per operator key, whatever the number of replicas (a rolling deployment runs two for a
 * while): the nonce counter lives in the process, so two workers signing for one key would hand out the same
 * nonces. The lease is a PostgreSQL session advisory lock held on a connection of its own; it ends when
 * released or when that connection dies, and whoever takes it next recovers the nonce from the facts.
 */
@ApplicationScoped
public class WorkerLease {
    private static final Logger LOG = Logger.getLogger(WorkerLease.class);

    private final AgroalDataSource dataSource;
    private final PlatformKeys keys;
    private final NonceManager nonces;
    private Connection held;

    WorkerLease(AgroalDataSource dataSource, PlatformKeys keys, NonceManager nonces) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.nonces = nonces;
    }

    /** Whether this process holds the lease, taking it if it is free. */
    public synchronized boolean acquire() {
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
                nonces.forget(); // another worker may have signed since this one last did
                LOG.info("this instance now runs issuance for the operator key");
                return true;
            }
            connection.close();
        } catch (SQLException e) {
            LOG.warnf("cannot take the issuance lease: %s", e.getMessage());
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

    /** The advisory lock's key: derived from the operator address, so each operator key has its own lease. */
    public long key() {
        byte[] digest =
                Hash.sha3(("attest-identity-worker:" + keys.operatorAddress().toLowerCase(Locale.ROOT))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest).getLong();
    }

    private boolean call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key());
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
