package dev.attest.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.common.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The gateway's store of every service's audit entries ({@code audit_record}, migration {@code V4__audit.sql}): written
 * by {@link AuditStoreConsumer}, read newest first with filters and a keyset page token, streamed for export, pruned
 * by {@link AuditStoreRetention}.
 */
@ApplicationScoped
public class AuditStore {
    private static final String INSERT = "insert into audit_record (service, seq, entry_id, occurred_at,"
            + " actor_subject, actor_kind, actor_roles, org_id, project_id, action, target_type, target_id, outcome,"
            + " source_ip, user_agent, changes, hash, prev_hash)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) on conflict do nothing";
    private static final String COLUMNS = "service, seq, entry_id, occurred_at, actor_subject, actor_kind,"
            + " actor_roles, org_id, project_id, action, target_type, target_id, outcome, source_ip, user_agent,"
            + " changes::text, hash, prev_hash";

    private final AgroalDataSource dataSource;

    AuditStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One stored entry, as the API answers it. */
    public record AuditRecord(
            String service,
            long seq,
            String entryId,
            Instant occurredAt,
            String actorSubject,
            String actorKind,
            List<String> actorRoles,
            String orgId,
            String projectId,
            String action,
            String targetType,
            String targetId,
            String outcome,
            String sourceIp,
            String userAgent,
            JsonNode changes,
            String hash,
            String prevHash) {}

    /**
     * What to find. {@code orgId} null: every organization (platform admins only). {@code action} ending in {@code *}
     * is a prefix ({@code api-key.*}); {@code target} is {@code <type>/<id>}, or an id or a type alone.
     */
    public record Filter(
            String orgId, Instant from, Instant to, String actor, String action, String target, String service) {}

    /** A page of entries, newest first, and the token of the next one (null: none). */
    public record Page(List<AuditRecord> entries, String nextPageToken) {}

    /** Stores an entry once; a second delivery of the same service and sequence changes nothing. */
    public void store(AuditRecord entry, String changesJson) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, entry.service());
            insert.setLong(2, entry.seq());
            insert.setObject(3, UUID.fromString(entry.entryId()));
            insert.setObject(4, entry.occurredAt().atOffset(ZoneOffset.UTC));
            insert.setString(5, entry.actorSubject());
            insert.setString(6, entry.actorKind());
            insert.setString(7, String.join(" ", entry.actorRoles()));
            insert.setString(8, entry.orgId());
            insert.setString(9, entry.projectId());
            insert.setString(10, entry.action());
            insert.setString(11, entry.targetType());
            insert.setString(12, entry.targetId());
            insert.setString(13, entry.outcome());
            insert.setString(14, entry.sourceIp());
            insert.setString(15, entry.userAgent());
            insert.setString(16, changesJson);
            insert.setString(17, entry.hash());
            insert.setString(18, entry.prevHash());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store audit entry " + entry.service() + "/" + entry.seq(), e);
        }
    }

    /** Up to {@code limit} entries matching {@code filter}, after {@code pageToken}'s position. */
    public Page search(Filter filter, int limit, String pageToken) {
        Cursor after = pageToken == null || pageToken.isBlank() ? null : Cursor.parse(pageToken);
        List<AuditRecord> entries = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> query(filter, after, limit + 1, entries::add));
        String next = null;
        if (entries.size() > limit) {
            entries.remove(limit);
            AuditRecord last = entries.get(limit - 1);
            next = new Cursor(last.occurredAt(), last.service(), last.seq()).token();
        }
        return new Page(entries, next);
    }

    /** Every entry matching {@code filter}, newest first, handed to {@code sink} as it is read (for export). */
    public void stream(Filter filter, Consumer<AuditRecord> sink) {
        QuarkusTransaction.requiringNew().run(() -> query(filter, null, 0, sink));
    }

    /** Deletes at most {@code batch} entries that occurred before {@code cutoff}; returns how many. */
    public int deleteOlderThan(Instant cutoff, int batch) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement delete = connection.prepareStatement("delete from audit_record where"
                            + " (service, seq) in (select service, seq from audit_record where occurred_at < ?"
                            + " limit ?)")) {
                delete.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
                delete.setInt(2, batch);
                return delete.executeUpdate();
            }
        });
    }

    private void query(Filter filter, Cursor after, int limit, Consumer<AuditRecord> sink) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_record where true");
        List<Object> params = new ArrayList<>();
        if (filter.orgId() != null) {
            sql.append(" and org_id = ?");
            params.add(filter.orgId());
        }
        if (filter.from() != null) {
            sql.append(" and occurred_at >= ?");
            params.add(filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at < ?");
            params.add(filter.to().atOffset(ZoneOffset.UTC));
        }
        if (filter.actor() != null) {
            sql.append(" and actor_subject = ?");
            params.add(filter.actor());
        }
        if (filter.service() != null) {
            sql.append(" and service = ?");
            params.add(filter.service());
        }
        if (filter.action() != null) {
            if (filter.action().endsWith("*")) {
                sql.append(" and starts_with(action, ?)");
                params.add(filter.action().substring(0, filter.action().length() - 1));
            } else {
                sql.append(" and action = ?");
                params.add(filter.action());
            }
        }
        if (filter.target() != null) {
            int slash = filter.target().indexOf('/');
            if (slash > 0) {
                sql.append(" and target_type = ? and target_id = ?");
                params.add(filter.target().substring(0, slash));
                params.add(filter.target().substring(slash + 1));
            } else {
                sql.append(" and (target_id = ? or target_type = ?)");
                params.add(filter.target());
                params.add(filter.target());
            }
        }
        if (after != null) {
            sql.append(" and (occurred_at, service, seq) < (?, ?, ?)");
            params.add(after.occurredAt().atOffset(ZoneOffset.UTC));
            params.add(after.service());
            params.add(after.seq());
        }
        sql.append(" order by occurred_at desc, service desc, seq desc");
        if (limit > 0) {
            sql.append(" limit ").append(limit);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql.toString())) {
            select.setFetchSize(500);
            for (int i = 0; i < params.size(); i++) {
                select.setObject(i + 1, params.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sink.accept(read(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit store", e);
        }
    }

    private static AuditRecord read(ResultSet row) throws SQLException {
        String roles = row.getString(7);
        String changes = row.getString(16);
        JsonNode changesTree;
        try {
            changesTree = changes == null ? null : AuditResource.MAPPER.readTree(changes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored audit changes are not JSON", e);
        }
        return new AuditRecord(
                row.getString(1),
                row.getLong(2),
                row.getObject(3, UUID.class).toString(),
                row.getObject(4, OffsetDateTime.class).toInstant(),
                row.getString(5),
                row.getString(6),
                roles == null || roles.isEmpty() ? List.of() : List.of(roles.split(" ")),
                row.getString(8),
                row.getString(9),
                row.getString(10),
                row.getString(11),
                row.getString(12),
                row.getString(13),
                row.getString(14),
                row.getString(15),
                changesTree,
                row.getString(17),
                row.getString(18));
    }

    /** The position after which the next page starts: the last entry's sort key, opaque to clients. */
    record Cursor(Instant occurredAt, String service, long seq) {
        String token() {
            String plain = occurredAt.truncatedTo(ChronoUnit.MICROS) + "|" + service + "|" + seq;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String token) {
            try {
                String[] parts =
                        new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 3);
                return new Cursor(Instant.parse(parts[0]), parts[1], Long.parseLong(parts[2]));
            } catch (RuntimeException e) {
                throw ProblemException.badRequest("invalid-page-token", "page_token is not one this API gave.");
            }
        }
    }

    static Optional<String> blankToNull(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
