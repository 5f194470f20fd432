package dev.attest.common.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Verifies the service's audit chain and moves its anchor when retention deletes old entries. Verification walks the
 * entries after the anchor in sequence order, in one repeatable-read snapshot, and reports the first break: an entry
 * missing (a sequence gap: deleted), an entry whose {@code prev_hash} is not its predecessor's hash, an entry whose
 * content does not give its hash (edited), or a chain head that does not name the last entry (the newest entries
 * deleted).
 */
@ApplicationScoped
@IfBuildProperty(name = AuditTrail.ENABLED, stringValue = "true")
public class AuditChain {
    private static final Logger LOG = Logger.getLogger(AuditChain.class);

    private static final String ANCHOR = "select anchor_seq, anchor_hash from attest_audit_anchor where id = 1";
    private static final String HEAD = "select last_seq, last_hash from attest_audit_chain where id = 1";
    private static final String ENTRIES_AFTER =
            "select " + StoredEntry.COLUMNS + " from attest_audit_entry where seq > ? order by seq";
    private static final String OLDEST_AFTER =
            "select " + StoredEntry.COLUMNS + " from attest_audit_entry where seq > ? order by seq limit ?";

    private final AgroalDataSource dataSource;
    private final String service;

    AuditChain(AgroalDataSource dataSource, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.dataSource = dataSource;
        this.service = service;
    }

    /**
     * What a verification found.
     *
     * @param service this service
     * @param ok whether the chain is whole from the anchor to the head
     * @param anchorSeq the entry verification started after (0, or the last one retention deleted)
     * @param lastSeq the last entry checked
     * @param checked how many entries were checked
     * @param brokenAt the first sequence number at which the chain breaks; null when ok
     * @param reason why it breaks there; null when ok
     */
    public record Verification(
            String service, boolean ok, long anchorSeq, long lastSeq, long checked, Long brokenAt, String reason) {}

    /** Walks the chain from its anchor to its head. */
    public Verification verify() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement snapshot = connection.createStatement()) {
                    snapshot.execute("set transaction isolation level repeatable read");
                }
                long anchorSeq;
                String anchorHash;
                try (PreparedStatement anchor = connection.prepareStatement(ANCHOR);
                        ResultSet row = anchor.executeQuery()) {
                    row.next();
                    anchorSeq = row.getLong(1);
                    anchorHash = row.getString(2);
                }
                long headSeq;
                String headHash;
                try (PreparedStatement head = connection.prepareStatement(HEAD);
                        ResultSet row = head.executeQuery()) {
                    row.next();
                    headSeq = row.getLong(1);
                    headHash = row.getString(2);
                }
                long expected = anchorSeq + 1;
                String previous = anchorHash;
                long checked = 0;
                try (PreparedStatement entries = connection.prepareStatement(ENTRIES_AFTER)) {
                    entries.setFetchSize(500);
                    entries.setLong(1, anchorSeq);
                    try (ResultSet rows = entries.executeQuery()) {
                        while (rows.next()) {
                            StoredEntry entry = StoredEntry.read(rows);
                            if (entry.seq() != expected) {
                                return broken(
                                        anchorSeq,
                                        expected - 1,
                                        checked,
                                        expected,
                                        "entry " + expected + " is missing (the next present is " + entry.seq() + ")");
                            }
                            if (!entry.prevHash().equals(previous)) {
                                return broken(
                                        anchorSeq,
                                        expected - 1,
                                        checked,
                                        entry.seq(),
                                        "prev_hash is not the hash of "
                                                + (anchorSeq == entry.seq() - 1
                                                        ? "the anchor"
                                                        : "entry " + (entry.seq() - 1)));
                            }
                            if (!entry.computeHash(previous).equals(entry.hash())) {
                                return broken(
                                        anchorSeq,
                                        expected - 1,
                                        checked,
                                        entry.seq(),
                                        "the entry's content does not give its hash (edited)");
                            }
                            previous = entry.hash();
                            expected++;
                            checked++;
                        }
                    }
                }
                long last = expected - 1;
                if (headSeq > last) {
                    return broken(
                            anchorSeq,
                            last,
                            checked,
                            last + 1,
                            "entries " + (last + 1) + " to " + headSeq + " are missing (the chain head names " + headSeq
                                    + ")");
                }
                if (headSeq < last || !headHash.equals(previous)) {
                    return broken(anchorSeq, last, checked, headSeq, "the chain head does not name the last entry");
                }
                return new Verification(service, true, anchorSeq, last, checked, null, null);
            }
        });
    }

    /**
     * Deletes at most {@code batch} entries older than {@code cutoff}, oldest first, and moves the anchor to the last
     * one deleted, in one transaction: verification then starts from it. Only a whole run of the chain is deleted:
     * it stops before the first entry that is newer, missing or does not verify (a broken chain is left for
     * verification to report, never erased by retention).
     *
     * @return how many entries were deleted
     */
    public int deleteOlderThan(Instant cutoff, int batch) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                long anchorSeq;
                String anchorHash;
                try (PreparedStatement anchor = connection.prepareStatement(ANCHOR + " for update");
                        ResultSet row = anchor.executeQuery()) {
                    row.next();
                    anchorSeq = row.getLong(1);
                    anchorHash = row.getString(2);
                }
                long lastSeq = anchorSeq;
                String lastHash = anchorHash;
                try (PreparedStatement oldest = connection.prepareStatement(OLDEST_AFTER)) {
                    oldest.setLong(1, anchorSeq);
                    oldest.setInt(2, batch);
                    try (ResultSet rows = oldest.executeQuery()) {
                        while (rows.next()) {
                            StoredEntry entry = StoredEntry.read(rows);
                            if (!entry.occurredAt().isBefore(cutoff)) {
                                break;
                            }
                            if (entry.seq() != lastSeq + 1
                                    || !entry.prevHash().equals(lastHash)
                                    || !entry.computeHash(lastHash).equals(entry.hash())) {
                                LOG.warnf(
                                        "audit retention stops before entry %d of %s: the chain does not verify"
                                                + " there",
                                        lastSeq + 1, service);
                                break;
                            }
                            lastSeq = entry.seq();
                            lastHash = entry.hash();
                        }
                    }
                }
                if (lastSeq == anchorSeq) {
                    return 0;
                }
                int deleted;
                try (PreparedStatement delete =
                        connection.prepareStatement("delete from attest_audit_entry where seq > ? and seq <= ?")) {
                    delete.setLong(1, anchorSeq);
                    delete.setLong(2, lastSeq);
                    deleted = delete.executeUpdate();
                }
                try (PreparedStatement move = connection.prepareStatement("update attest_audit_anchor"
                        + " set anchor_seq = ?, anchor_hash = ?, moved_at = ? where id = 1")) {
                    move.setLong(1, lastSeq);
                    move.setString(2, lastHash);
                    move.setObject(3, Instant.now().atOffset(ZoneOffset.UTC));
                    move.executeUpdate();
                }
                return deleted;
            }
        });
    }

    private Verification broken(long anchorSeq, long lastSeq, long checked, long at, String reason) {
        return new Verification(service, false, anchorSeq, lastSeq, checked, at, reason);
    }
}
