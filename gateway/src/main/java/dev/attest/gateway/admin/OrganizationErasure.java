package dev.attest.gateway.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.events.OutgoingEvent;
import dev.attest.common.events.Topics;
import dev.attest.common.outbox.Outbox;
import dev.attest.common.problem.ProblemException;
import dev.attest.contracts.EventTypes;
import dev.attest.gateway.Organization;
import dev.attest.gateway.ratelimit.CallerBuckets;
import dev.attest.gateway.security.EdgeCaller;
import dev.attest.gateway.service.TenantAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Deletes an organization: in one transaction, exports what the gateway holds of it (organization, projects,
 * members, API keys' metadata without their hashes, usage, plan, suspensions) into {@code org_export}, erases those
 * rows, records what was erased ({@code org_erasure}: rows per kind, who, when), and announces {@code
 * attest.tenant.organization-deleted.v1} so that every service erases what it holds for it (its sealed provider
 * settings among them). A failure leaves everything as it was.
 */
@ApplicationScoped
public class OrganizationErasure {
    /** What the export holds; the API keys' hashes are left out. */
    private static final String EXPORT = "json_build_object("
            + "'format', 'attest.gateway.organization-export.v1',"
            + "'exported_at', cast(? as timestamptz),"
            + "'organization', (select row_to_json(o) from organization o where o.id = ?),"
            + "'projects', (select coalesce(json_agg(p order by p.created_at, p.id), '[]') from project p"
            + " where p.org_id = ?),"
            + "'members', (select coalesce(json_agg(m order by m.user_id), '[]') from member m where m.org_id = ?),"
            + "'api_keys', (select coalesce(json_agg(json_build_object('id', k.id, 'project_id', k.project_id,"
            + " 'name', k.name, 'prefix', k.prefix, 'scopes', k.scopes, 'expires_at', k.expires_at,"
            + " 'last_used_at', k.last_used_at, 'revoked_at', k.revoked_at, 'created_by', k.created_by,"
            + " 'created_at', k.created_at) order by k.created_at, k.id), '[]') from api_key k where k.org_id = ?),"
            + "'usage', (select coalesce(json_agg(json_build_object('project_id', nullif(u.project_key, ''),"
            + " 'day', u.day, 'metric', u.metric, 'count', u.count) order by u.day, u.project_key, u.metric), '[]')"
            + " from usage_daily u where u.org_id = ?),"
            + "'plan', (select row_to_json(pl) from org_plan pl where pl.org_id = ?),"
            + "'suspensions', (select coalesce(json_agg(l order by l.at, l.id), '[]') from suspension_log l"
            + " where (l.kind = 'organization' and l.target = ?)"
            + " or (l.kind = 'project' and l.target in (select id::text from project where org_id = ?))))";

    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {};

    private final DataSource dataSource;
    private final Suspensions suspensions;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final AdminAudit audit;

    OrganizationErasure(
            DataSource dataSource, Suspensions suspensions, Outbox outbox, ObjectMapper mapper, AdminAudit audit) {
        this.dataSource = dataSource;
        this.suspensions = suspensions;
        this.outbox = outbox;
        this.mapper = mapper;
        this.audit = audit;
    }

    @Transactional
    public Erasure delete(EdgeCaller admin, String orgRef, String reason) {
        Organization org = suspensions.organization(orgRef);
        Instant now = Instant.now();
        Map<String, Long> erased = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            export(connection, admin, org, now);
            List<String> members = list(connection, "select user_id from member where org_id = ?", org.id);
            long callerBuckets = 0;
            for (String member : members) {
                callerBuckets += update(
                        connection,
                        "delete from rate_limit_bucket where project_id = ?",
                        CallerBuckets.bucketId(member, Optional.of(org.id)));
            }
            erased.put("api_keys", update(connection, "delete from api_key where org_id = ?", org.id));
            erased.put(
                    "project_rate_limit_buckets",
                    update(
                            connection,
                            "delete from rate_limit_bucket where project_id in"
                                    + " (select id from project where org_id = ?)",
                            org.id));
            erased.put("member_rate_limit_buckets", callerBuckets);
            erased.put("usage_days", update(connection, "delete from usage_daily where org_id = ?", org.id.toString()));
            erased.put("members", update(connection, "delete from member where org_id = ?", org.id));
            erased.put(
                    "suspensions",
                    update(
                            connection,
                            "delete from suspension where (kind = 'organization' and target = ?)"
                                    + " or (kind = 'project' and target in"
                                    + " (select id::text from project where org_id = cast(? as uuid)))",
                            org.id.toString(),
                            org.id.toString()));
            erased.put("plans", update(connection, "delete from org_plan where org_id = ?", org.id));
            erased.put("projects", update(connection, "delete from project where org_id = ?", org.id));
            erased.put("organizations", update(connection, "delete from organization where id = ?", org.id));
            UUID id = UUID.randomUUID();
            update(
                    connection,
                    "insert into org_erasure (id, org_id, slug, erased_by, erased_at, reason, erased)"
                            + " values (?, ?, ?, ?, ?, ?, cast(? as jsonb))",
                    id,
                    org.id,
                    org.slug,
                    admin.subject(),
                    Timestamp.from(now),
                    reason,
                    mapper.writeValueAsString(erased));
        } catch (SQLException e) {
            if ("23503".equals(e.getSQLState())) {
                // A table this deletion does not know still refers to the organization: nothing is erased.
                throw ProblemException.conflict(
                        "organization-still-referenced",
                        "The organization's data is referenced by records the deletion does not erase; nothing was"
                                + " erased.");
            }
            throw new IllegalStateException("cannot delete organization " + org.id, e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        outbox.publish(new OutgoingEvent(
                Topics.TENANT,
                EventTypes.Tenant.ORGANIZATION_DELETED,
                org.id.toString(),
                "organization/" + org.id,
                org.id.toString(),
                new OrganizationDeleted(org.id.toString(), org.slug)));
        Map<String, Object> after = new LinkedHashMap<>(erased);
        if (reason != null) {
            after.put("reason", reason);
        }
        audit.record(admin, "organization.deleted", org.id, null, "organization", org.id.toString(), after);
        return new Erasure(org.id, org.slug, admin.subject(), now, reason, erased, exportPath(org.id));
    }

    /** The export of a deleted organization (by its id or its slug), as JSON text. */
    @Transactional
    public Optional<String> export(String orgRef) {
        Optional<UUID> id = TenantAccess.parseUuid(orgRef);
        String sql = id.isPresent()
                ? "select document::text from org_export where org_id = ?"
                : "select document::text from org_export where slug = ? order by exported_at desc limit 1";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, id.isPresent() ? id.get() : orgRef);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read an export", e);
        }
    }

    /** The erasure records of an organization (by its id or its slug), newest first. */
    @Transactional
    public List<Erasure> erasures(String orgRef) {
        Optional<UUID> id = TenantAccess.parseUuid(orgRef);
        String sql = "select org_id, slug, erased_by, erased_at, reason, erased::text from org_erasure where "
                + (id.isPresent() ? "org_id = ?" : "slug = ?") + " order by erased_at desc";
        List<Erasure> records = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, id.isPresent() ? id.get() : orgRef);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    UUID orgId = row.getObject(1, UUID.class);
                    records.add(new Erasure(
                            orgId,
                            row.getString(2),
                            row.getString(3),
                            row.getTimestamp(4).toInstant(),
                            row.getString(5),
                            mapper.readValue(row.getString(6), COUNTS),
                            exportPath(orgId)));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read erasure records", e);
        }
        return records;
    }

    private static void export(Connection connection, EdgeCaller admin, Organization org, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into org_export (org_id, slug, exported_by, exported_at, document) select ?, ?, ?, ?, cast("
                        + EXPORT + " as jsonb)"
                        + " on conflict (org_id) do update set slug = excluded.slug,"
                        + " exported_by = excluded.exported_by, exported_at = excluded.exported_at,"
                        + " document = excluded.document")) {
            int i = 1;
            insert.setObject(i++, org.id);
            insert.setString(i++, org.slug);
            insert.setString(i++, admin.subject());
            insert.setTimestamp(i++, Timestamp.from(now));
            insert.setTimestamp(i++, Timestamp.from(now));
            insert.setObject(i++, org.id); // organization
            insert.setObject(i++, org.id); // projects
            insert.setObject(i++, org.id); // members
            insert.setObject(i++, org.id); // api keys
            insert.setString(i++, org.id.toString()); // usage (org_id is text there)
            insert.setObject(i++, org.id); // plan
            insert.setString(i++, org.id.toString()); // the organization's suspensions
            insert.setObject(i++, org.id); // its projects' suspensions
            insert.executeUpdate();
        }
    }

    private static String exportPath(UUID orgId) {
        return "/platform/organizations/" + orgId + "/export";
    }

    private static List<String> list(Connection connection, String sql, Object param) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, param);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    values.add(row.getString(1));
                }
            }
        }
        return values;
    }

    private static long update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                update.setObject(i + 1, params[i]);
            }
            return update.executeUpdate();
        }
    }

    /** What a deletion erased; {@code erased}: rows per kind. */
    public record Erasure(
            UUID orgId,
            String slug,
            String erasedBy,
            Instant erasedAt,
            String reason,
            Map<String, Long> erased,
            String export) {}

    record OrganizationDeleted(String orgId, String slug) {}
}
