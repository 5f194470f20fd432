package dev.attest.gateway.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Adds signal counts to {@code security_signal}: one upsert per (detector, subject, bucket), the counts summed and the
 * evidence merged in the database ({@code security_evidence_merge}), so replicas and consumers add to the same rows.
 */
@ApplicationScoped
public class SignalStore {
    private static final String ADD = "insert into security_signal"
            + " (detector, subject, bucket, org_id, project_id, count, evidence) values (?, ?, ?, ?, ?, ?, cast(? as jsonb))"
            + " on conflict (detector, subject, bucket) do update set count = security_signal.count + excluded.count,"
            + " evidence = security_evidence_merge(security_signal.evidence, excluded.evidence),"
            + " org_id = coalesce(security_signal.org_id, excluded.org_id),"
            + " project_id = coalesce(security_signal.project_id, excluded.project_id)";

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    SignalStore(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** Adds {@code counts}, in the caller's transaction if there is one. */
    public void add(List<SignalCount> counts) {
        if (counts.isEmpty()) {
            return;
        }
        // one order for every writer, so two replicas adding to the same rows cannot deadlock
        List<SignalCount> ordered = counts.stream()
                .sorted(Comparator.comparing(SignalCount::detector)
                        .thenComparing(SignalCount::subject)
                        .thenComparing(SignalCount::bucket))
                .toList();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(ADD)) {
            for (SignalCount count : ordered) {
                insert.setString(1, count.detector().id());
                insert.setString(2, count.subject());
                insert.setTimestamp(3, Timestamp.from(count.bucket()));
                insert.setObject(4, count.orgId());
                insert.setObject(5, count.projectId());
                insert.setLong(6, count.count());
                insert.setString(7, mapper.writeValueAsString(count.evidence()));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot add security signals", e);
        }
    }

    /** Deletes signals older than {@code before}; returns how many. */
    public int deleteBefore(Instant before) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("delete from security_signal where bucket < ?")) {
            delete.setTimestamp(1, Timestamp.from(before));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete old security signals", e);
        }
    }

    /**
     * {@code count} signals of {@code detector} about {@code subject} in the bucket starting at {@code bucket}.
     *
     * @param evidence {attribute: {value: count}}: what the signals had in common (a source address, a path, …)
     */
    public record SignalCount(
            Detector detector,
            String subject,
            Instant bucket,
            UUID orgId,
            UUID projectId,
            long count,
            Map<String, Map<String, Long>> evidence) {}
}
