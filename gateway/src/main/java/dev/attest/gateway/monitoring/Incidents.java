package dev.attest.gateway.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.paging.PageRequest;
import dev.attest.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The incidents' rows ({@code security_incident}, {@code security_incident_action}) and the detectors' reads of the
 * signals. Plain JDBC in the caller's transaction: the callers ({@link IncidentDetection}, {@link IncidentResponses})
 * decide what commits together.
 */
@ApplicationScoped
public class Incidents {
    /**
     * The subjects of one detector with at least {@code threshold} signals since {@code since}: none that has an open
     * incident (later signals add to it) and no signal from before the subject's last incident was resolved (a
     * resolved attack is not raised again by its own signals).
     */
    private static final String CANDIDATES = "select s.subject, sum(s.count), min(s.bucket), max(s.bucket),"
            + " (array_agg(s.org_id order by s.bucket) filter (where s.org_id is not null))[1],"
            + " (array_agg(s.project_id order by s.bucket) filter (where s.project_id is not null))[1],"
            + " security_evidence_sum(s.evidence order by s.bucket)"
            + " from security_signal s"
            + " where s.detector = ? and s.bucket >= ?"
            + " and not exists (select 1 from security_incident o"
            + "   where o.detector = s.detector and o.subject = s.subject and o.status = 'open')"
            + " and s.bucket > coalesce((select max(r.resolved_at) from security_incident r"
            + "   where r.detector = s.detector and r.subject = s.subject), '-infinity')"
            + " group by s.subject having sum(s.count) >= ?";
    /** Each open incident's signals since its first one: its count, last signal and evidence as they grow. */
    private static final String REFRESH_OPEN = "update security_incident i"
            + " set signal_count = grown.n, last_signal_at = grown.last, evidence = grown.evidence"
            + " from (select o.id, sum(s.count) as n, max(s.bucket) as last,"
            + "         security_evidence_sum(s.evidence order by s.bucket) as evidence"
            + "       from security_incident o join security_signal s on s.detector = o.detector"
            + "         and s.subject = o.subject and s.bucket >= o.first_signal_at"
            + "       where o.status = 'open' group by o.id) grown"
            + " where i.id = grown.id and i.signal_count <> grown.n";

    private static final String COLUMNS = "id, detector, severity, status, summary, subject, org_id, project_id,"
            + " signal_count, evidence, first_signal_at, last_signal_at, opened_at, resolved_at, resolved_by,"
            + " resolution_note";

    /** Evidence as stored: {attribute: {value: count}}. */
    static final TypeReference<Map<String, Map<String, Long>>> EVIDENCE = new TypeReference<>() {};

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    Incidents(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    List<Candidate> candidates(Detector detector, Instant since, int threshold) {
        List<Candidate> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(CANDIDATES)) {
            query.setString(1, detector.id());
            query.setTimestamp(2, Timestamp.from(since));
            query.setLong(3, threshold);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    found.add(new Candidate(
                            row.getString(1),
                            row.getLong(2),
                            row.getTimestamp(3).toInstant(),
                            row.getTimestamp(4).toInstant(),
                            row.getObject(5, UUID.class),
                            row.getObject(6, UUID.class),
                            row.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the security signals", e);
        }
        return found;
    }

    /** The signals of one subject from {@code from} (inclusive) to {@code to} (exclusive). */
    long signalsBetween(Detector detector, String subject, Instant from, Instant to) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select coalesce(sum(count), 0)"
                        + " from security_signal where detector = ? and subject = ? and bucket >= ? and bucket < ?")) {
            query.setString(1, detector.id());
            query.setString(2, subject);
            query.setTimestamp(3, Timestamp.from(from));
            query.setTimestamp(4, Timestamp.from(to));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the security signals", e);
        }
    }

    /** Inserts a new open incident. */
    void insert(Incident incident) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into security_incident (" + COLUMNS
                        + ") values (?, ?, ?, 'open', ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, null, null, null)")) {
            insert.setObject(1, incident.id());
            insert.setString(2, incident.detector());
            insert.setString(3, incident.severity());
            insert.setString(4, incident.summary());
            insert.setString(5, incident.subject());
            insert.setObject(6, incident.orgId());
            insert.setObject(7, incident.projectId());
            insert.setLong(8, incident.signalCount());
            insert.setString(9, mapper.writeValueAsString(incident.evidence()));
            insert.setTimestamp(10, Timestamp.from(incident.firstSignalAt()));
            insert.setTimestamp(11, Timestamp.from(incident.lastSignalAt()));
            insert.setTimestamp(12, Timestamp.from(incident.openedAt()));
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot record an incident", e);
        }
    }

    /** Brings every open incident's count, last signal and evidence up to its signals; returns how many changed. */
    int refreshOpen() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(REFRESH_OPEN)) {
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update the open incidents", e);
        }
    }

    /** One incident, when it exists and {@code org} (when given) is its organization. */
    Optional<Incident> find(UUID id, Optional<UUID> org) {
        String sql = "select " + COLUMNS + " from security_incident where id = ?"
                + (org.isPresent() ? " and org_id = ?" : "");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, id);
            if (org.isPresent()) {
                query.setObject(2, org.get());
            }
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(incident(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read an incident", e);
        }
    }

    /** The incident {@code id} of {@code org} (any organization's when empty), or 404. */
    Incident require(UUID id, Optional<UUID> org) {
        return find(id, org).orElseThrow(() -> ProblemException.notFound("Incident " + id));
    }

    /** Newest first, filtered by status, detector and organization when given. */
    List<Incident> list(Optional<String> status, Optional<String> detector, Optional<UUID> org, PageRequest page) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from security_incident where true");
        List<Object> parameters = new ArrayList<>();
        status.ifPresent(s -> {
            sql.append(" and status = ?");
            parameters.add(s);
        });
        detector.ifPresent(d -> {
            sql.append(" and detector = ?");
            parameters.add(d);
        });
        org.ifPresent(o -> {
            sql.append(" and org_id = ?");
            parameters.add(o);
        });
        sql.append(" order by opened_at desc, id limit ? offset ?");
        parameters.add(page.size);
        parameters.add((long) page.page * page.size);
        List<Incident> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    found.add(incident(row));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list incidents", e);
        }
        return found;
    }

    /** Resolves an open incident; false when it was resolved already (by someone else, meanwhile). */
    boolean resolve(UUID id, String by, String note, Instant at) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("update security_incident"
                        + " set status = 'resolved', resolved_at = ?, resolved_by = ?, resolution_note = ?"
                        + " where id = ? and status = 'open'")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, by);
            update.setString(3, note);
            update.setObject(4, id);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot resolve an incident", e);
        }
    }

    void insertAction(IncidentAction action) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into security_incident_action"
                        + " (id, incident_id, kind, target, reason, changed, taken_by, taken_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, action.id());
            insert.setObject(2, action.incidentId());
            insert.setString(3, action.kind());
            insert.setString(4, action.target());
            insert.setString(5, action.reason());
            insert.setBoolean(6, action.changed());
            insert.setString(7, action.takenBy());
            insert.setTimestamp(8, Timestamp.from(action.takenAt()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record an incident action", e);
        }
    }

    /** Marks an action undone; false when it was undone already. */
    boolean markUndone(UUID actionId, String by, Instant at) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("update security_incident_action"
                        + " set undone_by = ?, undone_at = ? where id = ? and undone_at is null")) {
            update.setString(1, by);
            update.setTimestamp(2, Timestamp.from(at));
            update.setObject(3, actionId);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot undo an incident action", e);
        }
    }

    /** The actions taken on an incident, oldest first. */
    List<IncidentAction> actions(UUID incidentId) {
        List<IncidentAction> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select id, incident_id, kind, target, reason,"
                        + " changed, taken_by, taken_at, undone_by, undone_at from security_incident_action"
                        + " where incident_id = ? order by taken_at, id")) {
            query.setObject(1, incidentId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    found.add(new IncidentAction(
                            row.getObject(1, UUID.class),
                            row.getObject(2, UUID.class),
                            row.getString(3),
                            row.getString(4),
                            row.getString(5),
                            row.getBoolean(6),
                            row.getString(7),
                            row.getTimestamp(8).toInstant(),
                            row.getString(9),
                            instant(row.getTimestamp(10))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read incident actions", e);
        }
        return found;
    }

    private Incident incident(ResultSet row) throws SQLException {
        try {
            return new Incident(
                    row.getObject("id", UUID.class),
                    row.getString("detector"),
                    row.getString("severity"),
                    row.getString("status"),
                    row.getString("summary"),
                    row.getString("subject"),
                    row.getObject("org_id", UUID.class),
                    row.getObject("project_id", UUID.class),
                    row.getLong("signal_count"),
                    mapper.readValue(row.getString("evidence"), EVIDENCE),
                    row.getTimestamp("first_signal_at").toInstant(),
                    row.getTimestamp("last_signal_at").toInstant(),
                    row.getTimestamp("opened_at").toInstant(),
                    instant(row.getTimestamp("resolved_at")),
                    row.getString("resolved_by"),
                    row.getString("resolution_note"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an incident's evidence is not JSON", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A subject over a detector's threshold, with its signals in the window. */
    record Candidate(
            String subject,
            long count,
            Instant firstSignalAt,
            Instant lastSignalAt,
            UUID orgId,
            UUID projectId,
            String evidence) {}

    /** An incident as stored. */
    public record Incident(
            UUID id,
            String detector,
            String severity,
            String status,
            String summary,
            String subject,
            UUID orgId,
            UUID projectId,
            long signalCount,
            Map<String, Map<String, Long>> evidence,
            Instant firstSignalAt,
            Instant lastSignalAt,
            Instant openedAt,
            Instant resolvedAt,
            String resolvedBy,
            String resolutionNote) {

        public boolean open() {
            return "open".equals(status);
        }
    }

    /**
     * A response taken to an incident.
     *
     * @param changed whether it changed anything (false: the target was already so, and its undo leaves it so)
     */
    public record IncidentAction(
            UUID id,
            UUID incidentId,
            String kind,
            String target,
            String reason,
            boolean changed,
            String takenBy,
            Instant takenAt,
            String undoneBy,
            Instant undoneAt) {}
}
