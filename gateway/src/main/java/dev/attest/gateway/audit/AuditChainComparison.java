package dev.attest.gateway.audit;

import dev.attest.gateway.monitoring.Detector;
import dev.attest.gateway.monitoring.SecuritySignals;
import dev.attest.gateway.monitoring.SignalStore;
import dev.attest.gateway.monitoring.Subjects;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Compares a service's audit chain head ({@code attest.audit.chain-head.v1}, published after its entries) with the
 * gateway's copy of its entries (docs/audit.md). The copy must hold the head's sequence with the same hash, and be
 * linked without a gap from the last head it matched: each entry's {@code prev_hash} the hash of the one before.
 * Otherwise the service's chain was rewritten, or the copy edited or cut: a signal of the {@code audit-chain}
 * detector about the service, which raises one platform incident (security contacts alerted). A head older than
 * the copy's retention, or of a service whose entries the copy does not hold yet, is not compared.
 */
@ApplicationScoped
public class AuditChainComparison {
    private static final Logger LOG = Logger.getLogger(AuditChainComparison.class);
    private static final String LAST_MATCHED = "select seq, hash from audit_chain_check where service = ?";
    private static final String LOWEST_HELD = "select min(seq) from audit_record where service = ?";
    private static final String LINKS = "select seq, hash, prev_hash from audit_record where service = ? and seq > ?"
            + " and seq <= ? order by seq";
    private static final String MATCHED = "insert into audit_chain_check (service, seq, hash, checked_at)"
            + " values (?, ?, ?, ?) on conflict (service) do update set seq = excluded.seq, hash = excluded.hash,"
            + " checked_at = excluded.checked_at where audit_chain_check.seq <= excluded.seq";

    private final DataSource dataSource;
    private final SignalStore signals;

    AuditChainComparison(DataSource dataSource, SignalStore signals) {
        this.dataSource = dataSource;
        this.signals = signals;
    }

    /** The head {@code seq}/{@code hash} of {@code service}'s chain; runs in the event's inbox transaction. */
    void compare(String service, long seq, String hash) {
        try (Connection connection = dataSource.getConnection()) {
            Optional<String> mismatch = mismatch(connection, service, seq, hash);
            if (mismatch.isEmpty()) {
                return;
            }
            LOG.errorf("audit chain of %s does not match the gateway's copy at %d: %s", service, seq, mismatch.get());
            signals.add(List.of(new SignalStore.SignalCount(
                    Detector.AUDIT_CHAIN,
                    Subjects.service(service),
                    SecuritySignals.bucketOf(Instant.now()),
                    null,
                    null,
                    1,
                    Map.of("mismatch", Map.of(mismatch.get(), 1L), "seq", Map.of(Long.toString(seq), 1L)))));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compare the audit chain of " + service, e);
        }
    }

    /** Why the copy does not match the head; empty when it does (recorded) or cannot be compared. */
    private Optional<String> mismatch(Connection connection, String service, long seq, String hash)
            throws SQLException {
        long lowest = lowestHeld(connection, service);
        if (lowest == 0 || seq < lowest) {
            return Optional.empty(); // nothing held yet, or past the copy's retention
        }
        long fromSeq = lowest - 1;
        String fromHash = null;
        try (PreparedStatement last = connection.prepareStatement(LAST_MATCHED)) {
            last.setString(1, service);
            try (ResultSet row = last.executeQuery()) {
                if (row.next() && row.getLong(1) >= lowest) {
                    fromSeq = row.getLong(1);
                    fromHash = row.getString(2);
                }
            }
        }
        if (seq <= fromSeq) {
            return Optional.empty(); // an older head than one matched already (another replica's, or redelivered)
        }
        long expected = fromSeq + 1;
        String previous = fromHash;
        String headHash = null;
        try (PreparedStatement links = connection.prepareStatement(LINKS)) {
            links.setString(1, service);
            links.setLong(2, fromSeq);
            links.setLong(3, seq);
            try (ResultSet row = links.executeQuery()) {
                while (row.next()) {
                    if (row.getLong(1) != expected) {
                        return Optional.of("entry " + expected + " missing from the copy");
                    }
                    if (previous != null && !previous.equals(row.getString(3))) {
                        return Optional.of("entry " + expected + " does not follow the one before in the copy");
                    }
                    previous = row.getString(2);
                    headHash = previous;
                    expected++;
                }
            }
        }
        if (expected <= seq) {
            return Optional.of("entry " + expected + " missing from the copy");
        }
        if (!hash.equals(headHash)) {
            return Optional.of("the service's head differs from the copy's entry " + seq);
        }
        try (PreparedStatement matched = connection.prepareStatement(MATCHED)) {
            matched.setString(1, service);
            matched.setLong(2, seq);
            matched.setString(3, hash);
            matched.setTimestamp(4, Timestamp.from(Instant.now()));
            matched.executeUpdate();
        }
        return Optional.empty();
    }

    private static long lowestHeld(Connection connection, String service) throws SQLException {
        try (PreparedStatement lowest = connection.prepareStatement(LOWEST_HELD)) {
            lowest.setString(1, service);
            try (ResultSet row = lowest.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
