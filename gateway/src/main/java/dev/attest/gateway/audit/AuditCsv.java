package dev.attest.gateway.audit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The export's CSV (RFC 4180): a header, then one line per entry. A field with a comma, quote or line break is
 * quoted; one that a spreadsheet would run as a formula ({@code = + - @}, tab, carriage return first) is prefixed with
 * {@code '} so that opening an export runs nothing.
 */
final class AuditCsv {
    static final List<String> COLUMNS = List.of(
            "occurred_at",
            "service",
            "seq",
            "org_id",
            "project_id",
            "actor_subject",
            "actor_kind",
            "actor_roles",
            "action",
            "target_type",
            "target_id",
            "outcome",
            "source_ip",
            "user_agent",
            "changes",
            "hash");
    static final String HEADER = String.join(",", COLUMNS) + "\r\n";

    private AuditCsv() {}

    static String row(AuditStore.AuditRecord entry) {
        return List.of(
                                entry.occurredAt().toString(),
                                entry.service(),
                                Long.toString(entry.seq()),
                                nullToEmpty(entry.orgId()),
                                nullToEmpty(entry.projectId()),
                                entry.actorSubject(),
                                entry.actorKind(),
                                String.join(" ", entry.actorRoles()),
                                entry.action(),
                                nullToEmpty(entry.targetType()),
                                nullToEmpty(entry.targetId()),
                                entry.outcome(),
                                nullToEmpty(entry.sourceIp()),
                                nullToEmpty(entry.userAgent()),
                                entry.changes() == null ? "" : entry.changes().toString(),
                                entry.hash())
                        .stream()
                        .map(AuditCsv::field)
                        .collect(Collectors.joining(","))
                + "\r\n";
    }

    static String field(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
