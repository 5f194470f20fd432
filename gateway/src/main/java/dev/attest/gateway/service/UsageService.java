package dev.attest.gateway.service;

import dev.attest.common.problem.ProblemException;
import dev.attest.gateway.security.EdgeCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Usage per project and day: requests at the edge, and what the services report through events. */
@ApplicationScoped
public class UsageService {
    public static final String REQUESTS = "requests";
    public static final String KYC_CASES_OPENED = "kyc_cases_opened";
    public static final String WALLETS_PROVISIONED = "wallets_provisioned";
    public static final String TRANSFERS = "transfers";
    public static final String WEBHOOKS_DELIVERED = "webhooks_delivered";
    private static final List<String> METRICS =
            List.of(REQUESTS, KYC_CASES_OPENED, WALLETS_PROVISIONED, TRANSFERS, WEBHOOKS_DELIVERED);
    /** The longest period one report covers. */
    private static final int MAX_DAYS = 366;
    /** The days a report may name: usage is counted in this era only (and PostgreSQL's dates end too). */
    private static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);

    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private static final String COUNT = "insert into usage_daily (org_id, project_key, day, metric, count)"
            + " values (?, ?, ?, ?, 1)"
            + " on conflict (org_id, project_key, day, metric) do update set count = usage_daily.count + 1";
    private static final String REPORT = "select project_key, day, metric, count from usage_daily"
            + " where org_id = ? and day between ? and ? order by day, project_key, metric";

    private final DataSource dataSource;
    private final TenantAccess access;

    UsageService(DataSource dataSource, TenantAccess access) {
        this.dataSource = dataSource;
        this.access = access;
    }

    /**
     * Counts one unit of {@code metric}; joins the caller's transaction when there is one (the inbox's), so
     * a consumed event is counted exactly once.
     */
    @Transactional
    public void count(String orgId, Optional<String> projectId, LocalDate day, String metric) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(COUNT)) {
            count.setString(1, orgId);
            count.setString(2, projectId.orElse(""));
            count.setDate(3, Date.valueOf(day));
            count.setString(4, metric);
            count.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count " + metric + " for org " + orgId, e);
        }
    }

    public void countRequest(String orgId, String projectId) {
        count(orgId, Optional.of(projectId), LocalDate.now(ZoneOffset.UTC), REQUESTS);
    }

    /** The organization's usage between {@code from} and {@code to} (inclusive, UTC days); admins only. */
    @Transactional
    public UsageReport report(EdgeCaller caller, String orgRef, LocalDate from, LocalDate to) {
        String orgId = access.requireAdmin(caller, orgRef).org().id.toString();
        LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : to;
        LocalDate first = from == null ? last.minusDays(29) : from;
        if (first.isAfter(last) || first.plusDays(MAX_DAYS).isBefore(last)) {
            throw invalidPeriod("from must not be after to, and a report covers at most " + MAX_DAYS + " days.");
        }
        Map<String, UsageDay> days = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement report = connection.prepareStatement(REPORT)) {
            report.setString(1, orgId);
            report.setDate(2, Date.valueOf(first));
            report.setDate(3, Date.valueOf(last));
            try (ResultSet rows = report.executeQuery()) {
                while (rows.next()) {
                    String project = rows.getString(1);
                    LocalDate day = rows.getDate(2).toLocalDate();
                    UsageDay usage = days.computeIfAbsent(
                            day + "/" + project, k -> UsageDay.empty(day, project.isEmpty() ? null : project));
                    usage.counts().put(rows.getString(3), rows.getLong(4));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read usage of org " + orgId, e);
        }
        return new UsageReport(orgId, first, last, new ArrayList<>(days.values()));
    }

    /** A day of a report's period, from its query parameter; none when absent; 400 when not an ISO date in range. */
    public static LocalDate day(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalidPeriod(parameter + " must be a date such as 2026-01-31.");
        }
        if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
            throw invalidPeriod(parameter + " must be between " + FIRST_DAY + " and " + LAST_DAY + ".");
        }
        return day;
    }

    private static ProblemException invalidPeriod(String detail) {
        return ProblemException.badRequest("invalid-period", detail);
    }

    public record UsageReport(String orgId, LocalDate from, LocalDate to, List<UsageDay> days) {}

    /**
     * One project's usage on one day.
     *
     * @param projectId null for what the services reported without naming a project
     */
    public record UsageDay(LocalDate day, String projectId, Map<String, Long> counts) {
        static UsageDay empty(LocalDate day, String projectId) {
            Map<String, Long> counts = new LinkedHashMap<>();
            METRICS.forEach(metric -> counts.put(metric, 0L));
            return new UsageDay(day, projectId, counts);
        }
    }
}
