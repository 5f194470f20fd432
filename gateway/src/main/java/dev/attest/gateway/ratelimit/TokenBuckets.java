package dev.attest.gateway.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Token buckets kept in PostgreSQL, so every gateway replica draws from the same bucket: one per project (the
 * project's id), and one per caller acting in no project ({@link CallerBuckets}). One atomic upsert refills
 * the bucket for the time elapsed, takes a token if there is one, and says whether it did: the row lock
 * orders concurrent requests from all replicas. (The table's key column is named {@code project_id} from the
 * time projects had the only buckets.)
 */
@ApplicationScoped
public class TokenBuckets {
    // The refilled level, from the row as it was before this statement (SET sees the old values).
    private static final String LEVEL = "least(?::float8, b.tokens"
            + " + greatest(0, extract(epoch from now() - b.refilled_at))::float8 * ?::float8)";
    private static final String TAKE = "insert into rate_limit_bucket as b (project_id, tokens, refilled_at, allowed)"
            + " values (?, ?::float8 - 1, now(), true)"
            + " on conflict (project_id) do update set"
            + " tokens = " + LEVEL + " - case when " + LEVEL + " >= 1 then 1 else 0 end,"
            + " allowed = " + LEVEL + " >= 1,"
            + " refilled_at = greatest(b.refilled_at, now())"
            + " returning tokens, allowed";

    private final DataSource dataSource;

    public TokenBuckets(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes one token from bucket {@code bucketId} (a project's id, or a caller's bucket id), if it has one. */
    public RateLimitDecision take(UUID bucketId, int capacity, double refillPerSecond) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement take = connection.prepareStatement(TAKE)) {
            int i = 1;
            take.setObject(i++, bucketId);
            take.setDouble(i++, capacity);
            for (int level = 0; level < 3; level++) {
                take.setDouble(i++, capacity);
                take.setDouble(i++, refillPerSecond);
            }
            try (ResultSet result = take.executeQuery()) {
                result.next();
                return RateLimitDecision.of(result.getBoolean(2), result.getDouble(1), capacity, refillPerSecond);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take a rate-limit token from bucket " + bucketId, e);
        }
    }
}
