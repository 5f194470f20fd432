package dev.attest.gateway.admin;

import dev.attest.common.problem.ProblemException;
import dev.attest.gateway.Organization;
import dev.attest.gateway.Project;
import dev.attest.gateway.security.EdgeCaller;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What the platform's administration says about a request at the edge, read in one statement of primary-key
 * lookups on every authenticated request: whether its user, its organization or its project is suspended (then it
 * is refused, 403 {@code suspended}), and the rate limit of the organization's plan, which replaces the project's.
 *
 * <p>Nothing of it is kept in the replica's memory: a suspension written through any replica (or straight into the
 * database) refuses the very next request on every replica.
 */
@ApplicationScoped
public class EdgeGuard {
    private static final String STANDING = "select"
            + " exists (select 1 from suspension where kind = 'user' and target = ?),"
            + " exists (select 1 from suspension where kind = 'organization' and target = ?),"
            + " exists (select 1 from suspension where kind = 'project' and target = ?),"
            + " (select rate_limit_capacity from org_plan where org_id = cast(? as uuid)),"
            + " (select rate_limit_refill_per_second from org_plan where org_id = cast(? as uuid))";

    private final DataSource dataSource;

    EdgeGuard(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The standing of a request by {@code caller} acting in {@code org} and {@code project}. An API key's subject is
     * its key id, never a user: only its organization and project can be suspended (a user's suspension does not
     * stop the keys their organization issued).
     */
    public Standing standing(EdgeCaller caller, Optional<Organization> org, Optional<UUID> project) {
        String user = caller.isApiKey() ? null : caller.subject();
        String orgId = org.map(o -> o.id.toString()).orElse(null);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(STANDING)) {
            query.setString(1, user);
            query.setString(2, orgId);
            query.setString(3, project.map(UUID::toString).orElse(null));
            query.setString(4, orgId);
            query.setString(5, orgId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                Optional<ProblemException> refusal = Optional.empty();
                if (row.getBoolean(1)) {
                    refusal = Optional.of(Suspended.refusal("User " + user));
                } else if (row.getBoolean(2)) {
                    refusal = Optional.of(Suspended.refusal("Organization " + org.get().slug));
                } else if (row.getBoolean(3)) {
                    refusal = Optional.of(Suspended.refusal("Project " + project.get()));
                }
                int capacity = row.getInt(4);
                Optional<Integer> planCapacity = row.wasNull() ? Optional.empty() : Optional.of(capacity);
                double refill = row.getDouble(5);
                Optional<Double> planRefill = row.wasNull() ? Optional.empty() : Optional.of(refill);
                return new Standing(refusal, planCapacity, planRefill);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the standing of a request", e);
        }
    }

    /**
     * @param refusal the 403 problem when the request's user, organization or project is suspended
     * @param planCapacity the burst of the organization plan's rate limit, when its plan sets one
     * @param planRefillPerSecond the steady rate of that limit
     */
    public record Standing(
            Optional<ProblemException> refusal, Optional<Integer> planCapacity, Optional<Double> planRefillPerSecond) {

        /** The project's bucket burst: the plan's, else the project's own. */
        public int capacity(Project project) {
            return planCapacity.orElse(project.rateLimitCapacity);
        }

        public double refillPerSecond(Project project) {
            return planRefillPerSecond.orElse(project.rateLimitRefillPerSecond);
        }
    }
}
