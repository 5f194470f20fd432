package dev.attest.gateway.analytics;

import dev.attest.common.work.DurableWork;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Rolls hourly aggregates older than {@code hourly-retention} up into the daily ones, and deletes daily
 * aggregates and onboarding rows older than {@code retention}. Each move is one statement that deletes the hourly
 * rows and adds their sums to the days, in one transaction: a row is counted in exactly one table, whatever
 * crashes, and a late event for an old hour is moved by the next pass. One replica at a time (an exclusive lease).
 * Queries read the days from both tables, so a day reads the same before and after its move.
 */
@ApplicationScoped
public class AnalyticsRollup implements DurableWork {
    static final String NAME = "analytics-rollup";
    /** Arbitrary constant naming the roll-up's advisory lock in the gateway's database. */
    private static final long LOCK = 0x616e616c79746963L;

    private static final String MOVE_COUNTS = "with moved as (delete from analytics_hourly where hour < ?"
            + " returning org_id, project_key, hour, metric, count, total)"
            + " insert into analytics_daily (org_id, project_key, day, metric, count, total)"
            + " select org_id, project_key, (hour at time zone 'UTC')::date, metric, sum(count), sum(total)"
            + " from moved group by 1, 2, 3, 4"
            + " on conflict (org_id, project_key, day, metric) do update"
            + " set count = analytics_daily.count + excluded.count, total = analytics_daily.total + excluded.total";
    private static final String MOVE_BUCKETS = "with moved as (delete from analytics_histogram_hourly where hour < ?"
            + " returning org_id, project_key, hour, metric, bucket, count)"
            + " insert into analytics_histogram_daily (org_id, project_key, day, metric, bucket, count)"
            + " select org_id, project_key, (hour at time zone 'UTC')::date, metric, bucket, sum(count)"
            + " from moved group by 1, 2, 3, 4, 5"
            + " on conflict (org_id, project_key, day, metric, bucket) do update"
            + " set count = analytics_histogram_daily.count + excluded.count";

    private final DataSource dataSource;
    private final AnalyticsConfig config;
    private Clock clock = Clock.systemUTC();

    AnalyticsRollup(DataSource dataSource, AnalyticsConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration pollInterval() {
        return config.rollupInterval();
    }

    @Override
    public OptionalLong exclusiveLock() {
        return OptionalLong.of(LOCK);
    }

    @Override
    public Pass runPass() {
        Result result = run(clock.instant());
        return new Pass((int) Math.min(Integer.MAX_VALUE, result.moved() + result.deleted()), false);
    }

    /** The first hour kept hourly at {@code now}: the start of the UTC day {@code hourly-retention} ago. */
    public Instant hourlyCutoff(Instant now) {
        return now.minus(config.hourlyRetention()).truncatedTo(ChronoUnit.DAYS);
    }

    /** The first day kept at all at {@code now}. */
    public LocalDate retainedFrom(Instant now) {
        return LocalDate.ofInstant(now.minus(config.retention()), ZoneOffset.UTC);
    }

    /** One pass as of {@code now}: what it moved (hourly rows) and deleted (expired rows). */
    public Result run(Instant now) {
        Timestamp cutoff = Timestamp.from(hourlyCutoff(now));
        java.sql.Date firstDay = java.sql.Date.valueOf(retainedFrom(now));
        Timestamp firstInstant =
                Timestamp.from(retainedFrom(now).atStartOfDay(ZoneOffset.UTC).toInstant());
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                long moved = update(connection, MOVE_COUNTS, cutoff) + update(connection, MOVE_BUCKETS, cutoff);
                long deleted = update(connection, "delete from analytics_daily where day < ?", firstDay)
                        + update(connection, "delete from analytics_histogram_daily where day < ?", firstDay)
                        + update(connection, "delete from analytics_onboarding where updated_at < ?", firstInstant);
                return new Result(moved, deleted);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot roll up the analytics", e);
            }
        });
    }

    private static long update(Connection connection, String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            return statement.executeLargeUpdate();
        }
    }

    /** @param moved hourly rows moved into days; @param deleted rows deleted for their age */
    public record Result(long moved, long deleted) {}
}
