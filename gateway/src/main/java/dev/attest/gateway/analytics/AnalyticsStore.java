package dev.attest.gateway.analytics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import javax.sql.DataSource;

/** Writes the hourly aggregates: counts and sums per metric, and histogram buckets. */
@ApplicationScoped
public class AnalyticsStore {
    private static final String ADD = "insert into analytics_hourly (org_id, project_key, hour, metric, count, total)"
            + " values (?, ?, ?, ?, ?, ?) on conflict (org_id, project_key, hour, metric) do update"
            + " set count = analytics_hourly.count + excluded.count, total = analytics_hourly.total + excluded.total";
    private static final String ADD_BUCKET =
            "insert into analytics_histogram_hourly (org_id, project_key, hour, metric, bucket, count)"
                    + " values (?, ?, ?, ?, ?, ?) on conflict (org_id, project_key, hour, metric, bucket) do update"
                    + " set count = analytics_histogram_hourly.count + excluded.count";

    private final DataSource dataSource;

    AnalyticsStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The UTC hour an instant falls in. */
    public static Instant hourOf(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS);
    }

    /** Adds one occurrence of {@code metric} (and {@code amount} to its sum); joins the caller's transaction. */
    @Transactional
    public void add(String orgId, String projectKey, Instant at, String metric, BigDecimal amount) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement add = connection.prepareStatement(ADD)) {
            add.setString(1, orgId);
            add.setString(2, projectKey);
            add.setTimestamp(3, Timestamp.from(hourOf(at)));
            add.setString(4, metric);
            add.setLong(5, 1);
            add.setBigDecimal(6, amount);
            add.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record " + metric + " for org " + orgId, e);
        }
    }

    public void add(String orgId, String projectKey, Instant at, String metric) {
        add(orgId, projectKey, at, metric, BigDecimal.ZERO);
    }

    /** Adds one value to a histogram metric. */
    @Transactional
    public void observe(String orgId, String projectKey, Instant at, String metric, long value) {
        addBuckets(java.util.List.of(
                new BucketCount(orgId, projectKey, hourOf(at), metric, AnalyticsBuckets.of(value), 1)));
    }

    /** Adds bucket counts, in one batch. */
    @Transactional
    public void addBuckets(Collection<BucketCount> counts) {
        if (counts.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement add = connection.prepareStatement(ADD_BUCKET)) {
            for (BucketCount count : counts) {
                add.setString(1, count.orgId());
                add.setString(2, count.projectKey());
                add.setTimestamp(3, Timestamp.from(count.hour()));
                add.setString(4, count.metric());
                add.setShort(5, (short) count.bucket());
                add.setLong(6, count.count());
                add.addBatch();
            }
            add.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record histogram buckets", e);
        }
    }

    /** A histogram bucket's count to add. */
    public record BucketCount(String orgId, String projectKey, Instant hour, String metric, int bucket, long count) {}
}
