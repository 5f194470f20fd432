package dev.attest.gateway.analytics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Each user's onboarding: the first time each step was reached (from the events' times). A step counts once
 * in the funnel ({@code funnel.<step>}, in the hour it was reached), and the time from the KYC start to
 * verified, to the wallet and to the claim is observed once, whichever of the two events comes first.
 */
@ApplicationScoped
public class OnboardingSteps {
    /** The steps and their columns, in the order of {@link AnalyticsMetrics#FUNNEL_STEPS}. */
    public enum Step {
        KYC_STARTED("started_at", null),
        SUBMITTED("submitted_at", null),
        VERIFIED("verified_at", AnalyticsMetrics.TO_VERIFIED),
        WALLET("wallet_at", AnalyticsMetrics.TO_WALLET),
        CLAIM("claim_at", AnalyticsMetrics.TO_CLAIM);

        final String column;
        /** The duration from the KYC start measured when this step is reached; none for the first two. */
        final String duration;

        Step(String column, String duration) {
            this.column = column;
            this.duration = duration;
        }

        String funnelMetric() {
            return AnalyticsMetrics.FUNNEL + AnalyticsMetrics.FUNNEL_STEPS.get(ordinal());
        }
    }

    private static final String ENSURE = "insert into analytics_onboarding (org_id, user_id, project_key)"
            + " values (?, ?, ?) on conflict (org_id, user_id) do nothing";
    private static final String LOCK = "select project_key, started_at, submitted_at, verified_at, wallet_at, claim_at"
            + " from analytics_onboarding where org_id = ? and user_id = ? for update";
    private static final String PROJECT =
            "select project_key from analytics_onboarding where org_id = ? and user_id = ?";

    private final DataSource dataSource;
    private final AnalyticsStore store;

    OnboardingSteps(DataSource dataSource, AnalyticsStore store) {
        this.dataSource = dataSource;
        this.store = store;
    }

    /** Whether a user id is a person's onboarding (not a business or a business's owner case). */
    public static boolean isPerson(String userId) {
        return userId != null && !userId.startsWith("business:") && !userId.startsWith("business-owner:");
    }

    /**
     * Records that {@code userId} reached {@code step} at {@code at}, in the caller's transaction.
     *
     * @param projectKey the project the event names, or null
     * @return the project the user onboards in ('' when not known)
     */
    @Transactional
    public String reached(String orgId, String userId, String projectKey, Step step, Instant at) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement ensure = connection.prepareStatement(ENSURE)) {
                ensure.setString(1, orgId);
                ensure.setString(2, userId);
                ensure.setString(3, projectKey == null ? "" : projectKey);
                ensure.executeUpdate();
            }
            String project;
            Instant[] times = new Instant[Step.values().length];
            try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                lock.setString(1, orgId);
                lock.setString(2, userId);
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    project = row.getString(1);
                    for (Step s : Step.values()) {
                        Timestamp t = row.getTimestamp(2 + s.ordinal());
                        times[s.ordinal()] = t == null ? null : t.toInstant();
                    }
                }
            }
            if (project.isEmpty() && projectKey != null && !projectKey.isEmpty()) {
                project = projectKey;
            }
            if (times[step.ordinal()] != null) {
                updateProject(connection, orgId, userId, project);
                return project; // reached before: counted then
            }
            try (PreparedStatement update = connection.prepareStatement("update analytics_onboarding set " + step.column
                    + " = ?, project_key = ?, updated_at = now() where org_id = ? and user_id = ?")) {
                update.setTimestamp(1, Timestamp.from(at));
                update.setString(2, project);
                update.setString(3, orgId);
                update.setString(4, userId);
                update.executeUpdate();
            }
            store.add(orgId, project, at, step.funnelMetric());
            Instant started = times[Step.KYC_STARTED.ordinal()];
            if (step == Step.KYC_STARTED) {
                for (Step later : Step.values()) {
                    Instant reached = times[later.ordinal()];
                    if (later.duration != null && reached != null) {
                        observe(orgId, project, later, at, reached);
                    }
                }
            } else if (step.duration != null && started != null) {
                observe(orgId, project, step, started, at);
            }
            return project;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the onboarding of a user of org " + orgId, e);
        }
    }

    private void observe(String orgId, String project, Step step, Instant started, Instant reached) {
        long seconds = Math.max(0, Duration.between(started, reached).toSeconds());
        store.observe(orgId, project, reached, step.duration, seconds);
    }

    private static void updateProject(Connection connection, String orgId, String userId, String project)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update analytics_onboarding set project_key = ?"
                + " where org_id = ? and user_id = ? and project_key = '' and ? <> ''")) {
            update.setString(1, project);
            update.setString(2, orgId);
            update.setString(3, userId);
            update.setString(4, project);
            update.executeUpdate();
        }
    }

    /** The project a user onboards in, as far as the KYC events said ('' when not known). */
    @Transactional
    public String projectOf(String orgId, String userId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(PROJECT)) {
            select.setString(1, orgId);
            select.setString(2, userId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)).orElse("") : "";
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the project of a user of org " + orgId, e);
        }
    }
}
