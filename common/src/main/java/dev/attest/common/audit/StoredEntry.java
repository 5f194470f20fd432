package dev.attest.common.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An entry as the table holds it, and the hash that chains it: {@code sha256(prev_hash + "\n" + canonical)}, where
 * {@code canonical} is a JSON object of every column but the two hashes, in a fixed order, with the changes as the
 * stored text. Any edited column, including a hash, breaks the chain at this entry or the next.
 */
record StoredEntry(
        long seq,
        UUID id,
        Instant occurredAt,
        String actorSubject,
        String actorKind,
        String actorRoles,
        String orgId,
        String projectId,
        String action,
        String targetType,
        String targetId,
        String outcome,
        String sourceIp,
        String userAgent,
        String changes,
        String prevHash,
        String hash) {

    /** The hash before the first entry, and of an empty chain's anchor. */
    static final String GENESIS = "0".repeat(64);

    static final String COLUMNS = "seq, id, occurred_at, actor_subject, actor_kind, actor_roles, org_id, project_id,"
            + " action, target_type, target_id, outcome, source_ip, user_agent, changes, prev_hash, hash";

    static final String INSERT = "insert into attest_audit_entry (" + COLUMNS + ")"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    String canonical() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("seq", seq);
        fields.put("id", id.toString());
        fields.put("occurred_at", occurredAt.toString());
        fields.put("actor_subject", actorSubject);
        fields.put("actor_kind", actorKind);
        fields.put("actor_roles", actorRoles);
        fields.put("org_id", orgId);
        fields.put("project_id", projectId);
        fields.put("action", action);
        fields.put("target_type", targetType);
        fields.put("target_id", targetId);
        fields.put("outcome", outcome);
        fields.put("source_ip", sourceIp);
        fields.put("user_agent", userAgent);
        fields.put("changes", changes);
        try {
            return AuditChanges.MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an audit entry", e);
        }
    }

    /** The hash this entry must carry, given its predecessor's. */
    String computeHash(String previous) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previous.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void bind(PreparedStatement insert) throws SQLException {
        insert.setLong(1, seq);
        insert.setObject(2, id);
        insert.setObject(3, occurredAt.atOffset(ZoneOffset.UTC));
        insert.setString(4, actorSubject);
        insert.setString(5, actorKind);
        insert.setString(6, actorRoles);
        insert.setString(7, orgId);
        insert.setString(8, projectId);
        insert.setString(9, action);
        insert.setString(10, targetType);
        insert.setString(11, targetId);
        insert.setString(12, outcome);
        insert.setString(13, sourceIp);
        insert.setString(14, userAgent);
        insert.setString(15, changes);
        insert.setString(16, prevHash);
        insert.setString(17, hash);
    }

    static StoredEntry read(ResultSet row) throws SQLException {
        return new StoredEntry(
                row.getLong(1),
                row.getObject(2, UUID.class),
                row.getObject(3, OffsetDateTime.class).toInstant(),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                row.getString(9),
                row.getString(10),
                row.getString(11),
                row.getString(12),
                row.getString(13),
                row.getString(14),
                row.getString(15),
                row.getString(16),
                row.getString(17));
    }
}
