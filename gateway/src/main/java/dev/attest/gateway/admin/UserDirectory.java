package dev.attest.gateway.admin;

import dev.attest.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Finds users across organizations for platform admins: members whose subject is the query, or whose email
 * contains it (case-insensitive), each with their organizations, roles and suspension; a suspended subject that is
 * no member anywhere is found by its subject too.
 */
@ApplicationScoped
public class UserDirectory {
    /** At most this many memberships are read for one search: enough to find someone, not a dump of everyone. */
    static final int LIMIT = 200;

    private static final String MEMBERS = "select m.user_id, m.email, m.role, o.id, o.slug, o.name,"
            + " exists (select 1 from suspension s where s.kind = 'organization' and s.target = o.id::text)"
            + " from member m join organization o on o.id = m.org_id"
            + " where m.user_id = ? or lower(m.email) like ? escape '\\'"
            + " order by m.user_id, o.slug limit " + LIMIT;

    private final DataSource dataSource;
    private final Suspensions suspensions;

    UserDirectory(DataSource dataSource, Suspensions suspensions) {
        this.dataSource = dataSource;
        this.suspensions = suspensions;
    }

    @Transactional
    public List<FoundUser> search(String q) {
        String query = q == null ? "" : q.trim();
        if (query.isEmpty() || query.length() > 200) {
            throw ProblemException.badRequest(
                    "invalid-query", "q is a user's subject or part of their email, 1 to 200 characters.");
        }
        Map<String, FoundUser> users = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement members = connection.prepareStatement(MEMBERS)) {
            members.setString(1, query);
            members.setString(2, "%" + likeEscaped(query.toLowerCase()) + "%");
            try (ResultSet row = members.executeQuery()) {
                while (row.next()) {
                    String subject = row.getString(1);
                    FoundUser user = users.computeIfAbsent(
                            subject, s -> new FoundUser(s, new TreeSet<>(), null, new ArrayList<>()));
                    user.emails().add(row.getString(2));
                    user.organizations()
                            .add(new Membership(
                                    row.getObject(4, UUID.class),
                                    row.getString(5),
                                    row.getString(6),
                                    row.getString(3),
                                    row.getBoolean(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot search users", e);
        }
        if (!users.containsKey(query)) {
            suspensions
                    .current(Suspensions.USER, query)
                    .ifPresent(s -> users.put(query, new FoundUser(query, new TreeSet<>(), null, new ArrayList<>())));
        }
        List<FoundUser> found = new ArrayList<>();
        for (FoundUser user : users.values()) {
            found.add(new FoundUser(
                    user.userId(),
                    user.emails(),
                    suspensions
                            .current(Suspensions.USER, user.userId())
                            .map(s -> new Suspension(s.reason(), s.suspendedBy(), s.suspendedAt()))
                            .orElse(null),
                    user.organizations()));
        }
        return found;
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A user found: their subject, their emails (one per membership, usually one), suspension and memberships. */
    public record FoundUser(
            String userId, TreeSet<String> emails, Suspension suspension, List<Membership> organizations) {}

    /** A user's suspension: why, by whom, since when. */
    public record Suspension(String reason, String suspendedBy, Instant suspendedAt) {}

    /** One membership of a found user: the organization, the role there, and whether it is suspended. */
    public record Membership(UUID orgId, String slug, String name, String role, boolean orgSuspended) {}
}
