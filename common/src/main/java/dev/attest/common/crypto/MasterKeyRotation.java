package dev.attest.common.crypto;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Retires master keys: re-seals every stored secret that is still sealed under a key other than the active one.
 * It runs on its own (at start and then every {@code attest.crypto.rewrap-interval}), so rotating a master key
 * is: list the new key first as active with the old one kept, deploy, wait until the gauge
 * {@code attest.secrets.retired.key} is 0 (or the log says so), then remove the old key.
 *
 * <p>Each batch is one transaction over rows locked {@code FOR UPDATE SKIP LOCKED}: replicas running it at the
 * same time, or a settings change meanwhile, never lose or double a write; a crash leaves each row either old (and
 * done by the next pass) or re-sealed.
 */
@ApplicationScoped
public class MasterKeyRotation {
    private static final Logger LOG = Logger.getLogger(MasterKeyRotation.class);
    static final int BATCH = 100;

    private final Instance<SealedColumn> columns;
    private final SecretCipher cipher;
    private final AgroalDataSource dataSource;
    private final MeterRegistry metrics;
    private final Map<String, AtomicLong> remaining = new ConcurrentHashMap<>();

    MasterKeyRotation(
            Instance<SealedColumn> columns, SecretCipher cipher, AgroalDataSource dataSource, MeterRegistry metrics) {
        this.columns = columns;
        this.cipher = cipher;
        this.dataSource = dataSource;
        this.metrics = metrics;
    }

    @Scheduled(
            every = "${attest.crypto.rewrap-interval:10m}",
            delayed = "${attest.crypto.rewrap-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = NoSealedColumns.class)
    void scheduled() {
        try {
            rewrapAll();
        } catch (RuntimeException e) {
            LOG.warnf("re-sealing secrets under the active master key failed, retried next pass: %s", e.getMessage());
        }
    }

    /**
     * Re-seals, column by column, every secret not sealed under the active key.
     *
     * @return how many secrets were re-sealed
     */
    public int rewrapAll() {
        int total = 0;
        for (SealedColumn column : columns) {
            int resealed = 0;
            int done;
            do {
                done = QuarkusTransaction.requiringNew().call(() -> rewrapBatch(column));
                resealed += done;
            } while (done == BATCH);
            long left = countRetired(column); // rows other replicas hold now, or sealed under a key we cannot open
            gauge(column).set(left);
            if (resealed > 0 || left > 0) {
                LOG.infof(
                        "%s: %d secrets re-sealed under the active master key, %d left", column.name(), resealed, left);
            }
            total += resealed;
        }
        return total;
    }

    /** How many secrets of {@code column} are still sealed under a retired key. */
    public long countRetired(SealedColumn column) {
        String sql = "select count(*) from " + column.table() + " where " + column.column() + " is not null and "
                + keyIdOf(column) + " <> ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, cipher.activeKeyId());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the secrets of " + column.name(), e);
        }
    }

    /** One transaction: up to {@link #BATCH} rows locked, re-sealed and written back. */
    int rewrapBatch(SealedColumn column) throws SQLException {
        String select = "select " + column.keyColumn() + "::text, " + column.column() + ", "
                + String.join(
                        ", ",
                        column.contextColumns().stream().map(c -> c + "::text").toList()) + " from "
                + column.table() + " where " + column.column() + " is not null and " + keyIdOf(column) + " <> ?"
                + " limit " + BATCH + " for update skip locked";
        String update = "update " + column.table() + " set " + column.column() + " = ? where " + column.keyColumn()
                + "::text = ? and " + column.column() + " = ?";
        // The transaction's own connection (Agroal enlists it), so the locks last until the batch commits.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(select);
                PreparedStatement write = connection.prepareStatement(update)) {
            query.setString(1, cipher.activeKeyId());
            int count = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    List<String> contextValues = new ArrayList<>();
                    for (int i = 0; i < column.contextColumns().size(); i++) {
                        contextValues.add(rows.getString(3 + i));
                    }
                    String sealed = rows.getString(2);
                    write.setString(1, cipher.rewrap(sealed, column.context().apply(contextValues)));
                    write.setString(2, rows.getString(1));
                    write.setString(3, sealed);
                    write.addBatch();
                    count++;
                }
            }
            write.executeBatch();
            return count;
        }
    }

    /** The key id of a {@code v1:<key id>:...} envelope, in SQL. */
    private static String keyIdOf(SealedColumn column) {
        return "split_part(" + column.column() + ", ':', 2)";
    }

    private AtomicLong gauge(SealedColumn column) {
        return remaining.computeIfAbsent(column.name(), name -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("attest.secrets.retired.key", value, AtomicLong::get)
                    .description("Secrets still sealed under a retired master key")
                    .tag("column", name)
                    .register(metrics);
            return value;
        });
    }

    /** Services that store no secrets have nothing to rotate. */
    @jakarta.inject.Singleton
    public static class NoSealedColumns implements Scheduled.SkipPredicate {
        private final Instance<SealedColumn> columns;

        NoSealedColumns(Instance<SealedColumn> columns) {
            this.columns = columns;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return columns.isUnsatisfied();
        }
    }
}
