package dev.attest.gateway.analytics;

import dev.attest.common.problem.ProblemException;
import dev.attest.gateway.Organization;
import dev.attest.gateway.repository.OrganizationRepository;
import dev.attest.gateway.repository.ProjectRepository;
import dev.attest.gateway.security.EdgeCaller;
import dev.attest.gateway.service.TenantAccess;
import dev.attest.gateway.service.UsageService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Answers the analytics of an organization (or of the platform): usage series, costs from the price list,
 * latency percentiles per route class, onboarding durations and the funnel, per hour or per UTC day.
 */
@ApplicationScoped
public class AnalyticsService {
    public static final String HOUR = "hour";
    public static final String DAY = "day";
    /** The longest period of an hourly report (744 hours). */
    static final int MAX_HOURLY_DAYS = 31;
    /** The longest period of a daily report: the retention's 13 months and a bit. */
    static final int MAX_DAILY_DAYS = 400;

    /** The usage metrics every report lists (zeros included), in this order; others found follow. */
    static final List<String> USAGE_METRICS = List.of(
            AnalyticsMetrics.KYC_CASES_OPENED,
            AnalyticsMetrics.KYC_INQUIRIES + "persona",
            AnalyticsMetrics.KYC_INQUIRIES + "sumsub",
            AnalyticsMetrics.KYC_OUTCOME + "pending",
            AnalyticsMetrics.KYC_OUTCOME + "review",
            AnalyticsMetrics.KYC_OUTCOME + "verified",
            AnalyticsMetrics.KYC_OUTCOME + "rejected",
            AnalyticsMetrics.KYC_VERIFICATIONS + "persona",
            AnalyticsMetrics.KYC_VERIFICATIONS + "sumsub",
            AnalyticsMetrics.WALLETS_PROVISIONED,
            AnalyticsMetrics.TRANSFERS_STARTED,
            AnalyticsMetrics.TRANSFERS_CONFIRMED,
            AnalyticsMetrics.TRANSFERS_FAILED,
            AnalyticsMetrics.IDENTITIES_CREATED,
            AnalyticsMetrics.CLAIMS_ISSUED,
            AnalyticsMetrics.CLAIMS_REVOKED,
            AnalyticsMetrics.WEBHOOKS_DELIVERED,
            AnalyticsMetrics.WEBHOOKS_FAILED,
            AnalyticsMetrics.WEBHOOK_ENDPOINTS_DISABLED,
            AnalyticsMetrics.GAS_SPONSORED + "platform",
            AnalyticsMetrics.GAS_SPONSORED + "external",
            AnalyticsMetrics.GAS_OPERATOR);

    /** What the platform pays for that is counted but not priced: an external paymaster's gas is not the platform's. */
    static final List<String> NOT_PRICED =
            List.of("gas sponsored by external paymasters: paid by the organization's own paymaster");

    private final DataSource dataSource;
    private final TenantAccess access;
    private final ProjectRepository projects;
    private final OrganizationRepository organizations;
    private final AnalyticsConfig config;

    AnalyticsService(
            DataSource dataSource,
            TenantAccess access,
            ProjectRepository projects,
            OrganizationRepository organizations,
            AnalyticsConfig config) {
        this.dataSource = dataSource;
        this.access = access;
        this.projects = projects;
        this.organizations = organizations;
        this.config = config;
    }

    /** The organization's analytics; its admins only (another organization's: 404). */
    @Transactional
    public AnalyticsReport organization(
            EdgeCaller caller, String orgRef, String from, String to, String granularity, String project) {
        Organization org = access.requireAdmin(caller, orgRef).org();
        Period period = period(from, to, granularity);
        Optional<String> projectKey = Optional.empty();
        if (project != null && !project.isEmpty()) {
            UUID projectId = TenantAccess.parseUuid(project)
                    .filter(id -> projects.findInOrg(org.id, id).isPresent())
                    .orElseThrow(() -> ProblemException.notFound("Project " + project));
            projectKey = Optional.of(projectId.toString());
        }
        return report(Optional.of(org.id.toString()), projectKey, period, List.of());
    }

    /** Every organization's analytics together, and each organization's totals; platform admins only. */
    @Transactional
    public AnalyticsReport platform(EdgeCaller caller, String from, String to, String granularity) {
        if (!caller.isPlatformAdmin()) {
            throw ProblemException.forbidden("Only platform admins may see the platform's analytics.");
        }
        Period period = period(from, to, granularity);
        return report(Optional.empty(), Optional.empty(), period, organizationTotals(period));
    }

    /** The period asked for: ISO days (UTC) as for usage, a granularity, and at most 31 days of hours. */
    static Period period(String fromText, String toText, String granularityText) {
        String granularity = granularityText == null || granularityText.isEmpty() ? DAY : granularityText;
        if (!HOUR.equals(granularity) && !DAY.equals(granularity)) {
            throw ProblemException.badRequest("invalid-granularity", "granularity must be hour or day.");
        }
        LocalDate to = UsageService.day("to", toText);
        LocalDate from = UsageService.day("from", fromText);
        LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : to;
        LocalDate first = from == null ? last.minusDays(HOUR.equals(granularity) ? 1 : 29) : from;
        int max = HOUR.equals(granularity) ? MAX_HOURLY_DAYS : MAX_DAILY_DAYS;
        if (first.isAfter(last) || first.plusDays(max - 1).isBefore(last)) {
            throw ProblemException.badRequest(
                    "invalid-period",
                    "from must not be after to, and a report by " + granularity + " covers at most " + max + " days.");
        }
        return new Period(first, last, granularity);
    }

    record Period(LocalDate from, LocalDate to, String granularity) {
        boolean hourly() {
            return HOUR.equals(granularity);
        }

        Instant start() {
            return from.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        /** The periods' labels: ISO days, or ISO instants of each hour. */
        List<String> labels() {
            List<String> labels = new ArrayList<>();
            if (hourly()) {
                for (Instant t = start(); t.isBefore(end()); t = t.plus(1, ChronoUnit.HOURS)) {
                    labels.add(t.toString());
                }
            } else {
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    labels.add(d.toString());
                }
            }
            return labels;
        }
    }

    private AnalyticsReport report(
            Optional<String> org, Optional<String> project, Period period, List<OrganizationTotals> byOrganization) {
        List<String> labels = period.labels();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, BigDecimal[]> totals = new HashMap<>();
        USAGE_METRICS.forEach(m -> counts.put(m, new long[labels.size()]));
        Map<String, long[][]> histograms = new TreeMap<>(); // metric → per period → buckets
        try (Connection connection = dataSource.getConnection()) {
            readCounts(connection, org, project, period, (label, metric, count, total) -> {
                Integer i = index.get(label);
                if (i == null) {
                    return;
                }
                counts.computeIfAbsent(metric, m -> new long[labels.size()])[i] += count;
                totals.computeIfAbsent(metric, m -> zeros(labels.size()))[i] = totals.get(metric)[i].add(total);
            });
            readBuckets(connection, org, project, period, (label, metric, bucket, count) -> {
                Integer i = index.get(label);
                if (i == null) {
                    return;
                }
                histograms.computeIfAbsent(metric, m -> new long[labels.size()][AnalyticsBuckets.COUNT])[i][bucket] +=
                        count;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the analytics", e);
        }

        Map<String, List<Long>> usage = new LinkedHashMap<>();
        Map<String, Long> usageTotals = new LinkedHashMap<>();
        counts.forEach((metric, values) -> {
            if (!metric.startsWith(AnalyticsMetrics.FUNNEL)) {
                usage.put(metric, list(values));
                usageTotals.put(metric, sum(values));
            }
        });
        List<RouteLatency> routes = new ArrayList<>();
        for (String routeClass : AnalyticsMetrics.ROUTE_CLASSES) {
            long[][] histogram = histograms.getOrDefault(
                    AnalyticsMetrics.LATENCY + routeClass, new long[labels.size()][AnalyticsBuckets.COUNT]);
            long[] requests = new long[labels.size()];
            for (int i = 0; i < labels.size(); i++) {
                requests[i] = sum(histogram[i]);
            }
            usage.put(AnalyticsMetrics.REQUESTS + routeClass, list(requests));
            usageTotals.put(AnalyticsMetrics.REQUESTS + routeClass, sum(requests));
            long[] whole = merged(histogram);
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            for (long[] buckets : histogram) {
                p50.add(millis(AnalyticsBuckets.quantile(buckets, 0.5)));
                p99.add(millis(AnalyticsBuckets.quantile(buckets, 0.99)));
            }
            routes.add(new RouteLatency(
                    routeClass,
                    sum(requests),
                    millis(AnalyticsBuckets.quantile(whole, 0.5)),
                    millis(AnalyticsBuckets.quantile(whole, 0.99)),
                    p50,
                    p99));
        }
        List<OnboardingTime> onboarding = new ArrayList<>();
        for (String metric :
                List.of(AnalyticsMetrics.TO_VERIFIED, AnalyticsMetrics.TO_WALLET, AnalyticsMetrics.TO_CLAIM)) {
            long[] whole = merged(histograms.getOrDefault(metric, new long[0][]));
            onboarding.add(new OnboardingTime(
                    metric.substring("onboarding.".length()),
                    sum(whole),
                    seconds(AnalyticsBuckets.quantile(whole, 0.5)),
                    seconds(AnalyticsBuckets.quantile(whole, 0.99))));
        }
        List<FunnelStep> funnel = new ArrayList<>();
        Long previous = null;
        for (String step : AnalyticsMetrics.FUNNEL_STEPS) {
            long[] values = counts.getOrDefault(AnalyticsMetrics.FUNNEL + step, new long[labels.size()]);
            long users = sum(values);
            Double dropOff = previous == null || previous == 0 ? null : ratio(previous - users, previous);
            funnel.add(new FunnelStep(step, users, dropOff, list(values)));
            previous = users;
        }
        Instant now = Instant.now();
        return new AnalyticsReport(
                org.orElse(null),
                project.orElse(null),
                period.from(),
                period.to(),
                period.granularity(),
                now.minus(config.hourlyRetention()).truncatedTo(ChronoUnit.DAYS),
                labels,
                usage,
                usageTotals,
                costs(counts, totals, labels.size()),
                new Performance(routes, onboarding),
                funnel,
                byOrganization);
    }

    private Costs costs(Map<String, long[]> counts, Map<String, BigDecimal[]> totals, int size) {
        AnalyticsConfig.Prices prices = config.prices();
        Map<String, BigDecimal> priceList = new LinkedHashMap<>();
        priceList.put("persona_inquiry", prices.personaInquiry());
        priceList.put("persona_verification", prices.personaVerification());
        priceList.put("sumsub_applicant", prices.sumsubApplicant());
        priceList.put("sumsub_verification", prices.sumsubVerification());
        priceList.put("dfns_wallet", prices.dfnsWallet());
        priceList.put("dfns_transfer", prices.dfnsTransfer());
        priceList.put("eth", prices.eth());
        List<CostItem> items = new ArrayList<>();
        items.add(countItem(
                "persona_inquiries",
                AnalyticsMetrics.KYC_INQUIRIES + "persona",
                prices.personaInquiry(),
                counts,
                size));
        items.add(countItem(
                "persona_verifications",
                AnalyticsMetrics.KYC_VERIFICATIONS + "persona",
                prices.personaVerification(),
                counts,
                size));
        items.add(countItem(
                "sumsub_applicants",
                AnalyticsMetrics.KYC_INQUIRIES + "sumsub",
                prices.sumsubApplicant(),
                counts,
                size));
        items.add(countItem(
                "sumsub_verifications",
                AnalyticsMetrics.KYC_VERIFICATIONS + "sumsub",
                prices.sumsubVerification(),
                counts,
                size));
        items.add(countItem("dfns_wallets", AnalyticsMetrics.WALLETS_PROVISIONED, prices.dfnsWallet(), counts, size));
        items.add(countItem("dfns_transfers", AnalyticsMetrics.TRANSFERS_STARTED, prices.dfnsTransfer(), counts, size));
        items.add(gasItem("sponsored_gas", AnalyticsMetrics.GAS_SPONSORED + "platform", prices.eth(), totals, size));
        items.add(gasItem("identity_operator_gas", AnalyticsMetrics.GAS_OPERATOR, prices.eth(), totals, size));
        BigDecimal total = BigDecimal.ZERO;
        List<BigDecimal> series = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (CostItem item : items) {
                sum = sum.add(item.series().get(i));
            }
            series.add(sum);
        }
        for (CostItem item : items) {
            total = total.add(item.amount());
        }
        return new Costs(prices.currency(), priceList, items, total, series, NOT_PRICED);
    }

    /** Gas summed in wei by {@code metric}, in ETH, priced per ETH. */
    private static CostItem gasItem(
            String item, String metric, BigDecimal pricePerEth, Map<String, BigDecimal[]> totals, int size) {
        List<BigDecimal> series = new ArrayList<>();
        BigDecimal eth = BigDecimal.ZERO;
        for (BigDecimal wei : totals.getOrDefault(metric, zeros(size))) {
            BigDecimal e = wei.movePointLeft(18);
            eth = eth.add(e);
            series.add(money(e.multiply(pricePerEth)));
        }
        return new CostItem(
                item, metric, eth.stripTrailingZeros(), "ETH", pricePerEth, money(eth.multiply(pricePerEth)), series);
    }

    private static CostItem countItem(
            String item, String metric, BigDecimal price, Map<String, long[]> counts, int size) {
        long[] values = counts.getOrDefault(metric, new long[size]);
        List<BigDecimal> series = new ArrayList<>();
        for (long v : values) {
            series.add(money(price.multiply(BigDecimal.valueOf(v))));
        }
        long quantity = sum(values);
        return new CostItem(
                item,
                metric,
                BigDecimal.valueOf(quantity),
                "unit",
                price,
                money(price.multiply(BigDecimal.valueOf(quantity))),
                series);
    }

    /** Amounts to 8 decimals at most (gas in ETH times a price has many). */
    private static BigDecimal money(BigDecimal amount) {
        return amount.scale() > 8 ? amount.setScale(8, RoundingMode.HALF_EVEN) : amount;
    }

    private List<OrganizationTotals> organizationTotals(Period period) {
        Map<String, Map<String, Long>> byOrg = new TreeMap<>();
        String sql = "select org_id, metric, sum(count) from ("
                + " select org_id, metric, count from analytics_hourly where hour >= ? and hour < ?"
                + " union all select org_id, metric, count from analytics_daily where day >= ? and day <= ?"
                + " ) x where org_id <> '' group by org_id, metric";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setTimestamp(1, Timestamp.from(period.start()));
            select.setTimestamp(2, Timestamp.from(period.end()));
            select.setDate(3, java.sql.Date.valueOf(period.from()));
            select.setDate(4, java.sql.Date.valueOf(period.to()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byOrg.computeIfAbsent(rows.getString(1), o -> new TreeMap<>())
                            .put(rows.getString(2), rows.getLong(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the organizations' analytics", e);
        }
        List<OrganizationTotals> result = new ArrayList<>();
        byOrg.forEach((orgId, metrics) -> {
            String slug = TenantAccess.parseUuid(orgId)
                    .flatMap(id -> Optional.ofNullable(organizations.findById(id)))
                    .map(o -> o.slug)
                    .orElse(null);
            result.add(new OrganizationTotals(orgId, slug, metrics));
        });
        return result;
    }

    private interface CountRow {
        void accept(String label, String metric, long count, BigDecimal total);
    }

    private interface BucketRow {
        void accept(String label, String metric, int bucket, long count);
    }

    private static String where(Optional<String> org, Optional<String> project) {
        return (org.isPresent() ? " and org_id = ?" : "") + (project.isPresent() ? " and project_key = ?" : "");
    }

    private static int bindTenant(PreparedStatement statement, int at, Optional<String> org, Optional<String> project)
            throws SQLException {
        if (org.isPresent()) {
            statement.setString(at++, org.get());
        }
        if (project.isPresent()) {
            statement.setString(at++, project.get());
        }
        return at;
    }

    /** The hourly table, and for days the daily one too (a row is in one of them only). */
    private static String union(String hourlyTable, String dailyTable, String columns, Period period, String where) {
        String hourly = "select " + (period.hourly() ? "hour as t" : "(hour at time zone 'UTC')::date as t") + ", "
                + columns + " from " + hourlyTable + " where hour >= ? and hour < ?" + where;
        if (period.hourly()) {
            return hourly;
        }
        return hourly + " union all select day as t, " + columns + " from " + dailyTable
                + " where day >= ? and day <= ?" + where;
    }

    private static int bindPeriod(
            PreparedStatement statement, Period period, Optional<String> org, Optional<String> project)
            throws SQLException {
        int at = 1;
        statement.setTimestamp(at++, Timestamp.from(period.start()));
        statement.setTimestamp(at++, Timestamp.from(period.end()));
        at = bindTenant(statement, at, org, project);
        if (!period.hourly()) {
            statement.setDate(at++, java.sql.Date.valueOf(period.from()));
            statement.setDate(at++, java.sql.Date.valueOf(period.to()));
            at = bindTenant(statement, at, org, project);
        }
        return at;
    }

    private static String label(ResultSet rows, Period period) throws SQLException {
        if (period.hourly()) {
            return rows.getTimestamp(1).toInstant().toString();
        }
        return rows.getDate(1).toLocalDate().toString();
    }

    private static void readCounts(
            Connection connection, Optional<String> org, Optional<String> project, Period period, CountRow row)
            throws SQLException {
        String sql = "select t, metric, sum(count), sum(total) from ("
                + union("analytics_hourly", "analytics_daily", "metric, count, total", period, where(org, project))
                + ") x group by t, metric";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bindPeriod(select, period, org, project);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    row.accept(label(rows, period), rows.getString(2), rows.getLong(3), rows.getBigDecimal(4));
                }
            }
        }
    }

    private static void readBuckets(
            Connection connection, Optional<String> org, Optional<String> project, Period period, BucketRow row)
            throws SQLException {
        String sql = "select t, metric, bucket, sum(count) from ("
                + union(
                        "analytics_histogram_hourly",
                        "analytics_histogram_daily",
                        "metric, bucket, count",
                        period,
                        where(org, project))
                + ") x group by t, metric, bucket";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bindPeriod(select, period, org, project);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int bucket = rows.getInt(3);
                    if (bucket >= 0 && bucket < AnalyticsBuckets.COUNT) {
                        row.accept(label(rows, period), rows.getString(2), bucket, rows.getLong(4));
                    }
                }
            }
        }
    }

    private static BigDecimal[] zeros(int size) {
        BigDecimal[] zeros = new BigDecimal[size];
        java.util.Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }

    private static long[] merged(long[][] histogram) {
        long[] whole = new long[AnalyticsBuckets.COUNT];
        for (long[] buckets : histogram) {
            for (int b = 0; b < whole.length; b++) {
                whole[b] += buckets[b];
            }
        }
        return whole;
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }

    private static List<Long> list(long[] values) {
        List<Long> list = new ArrayList<>(values.length);
        for (long v : values) {
            list.add(v);
        }
        return list;
    }

    private static Double ratio(long part, long whole) {
        return Math.round(part * 10_000.0 / whole) / 10_000.0;
    }

    /** Microseconds (a bucket's upper bound) as milliseconds; null for an empty histogram. */
    private static Double millis(long micros) {
        return micros < 0 ? null : micros / 1000.0;
    }

    private static Long seconds(long seconds) {
        return seconds < 0 ? null : seconds;
    }

    /**
     * The analytics of a period.
     *
     * @param orgId null in the platform's report
     * @param hourlyRetainedFrom hours before this instant are kept only as days: an hourly report shows none
     * @param periods the label of each value of every series: ISO days, or the ISO instants of hours
     * @param usage metric → one count per period
     * @param byOrganization the platform's report only: each organization's totals
     */
    public record AnalyticsReport(
            String orgId,
            String projectId,
            LocalDate from,
            LocalDate to,
            String granularity,
            Instant hourlyRetainedFrom,
            List<String> periods,
            Map<String, List<Long>> usage,
            Map<String, Long> usageTotals,
            Costs costs,
            Performance performance,
            List<FunnelStep> funnel,
            List<OrganizationTotals> byOrganization) {}

    /**
     * Costs, computed now from the counts and the configured prices (a price change applies to the whole past).
     *
     * @param series the total of every item per period
     * @param notPriced what the platform pays for that no event measures
     */
    public record Costs(
            String currency,
            Map<String, BigDecimal> prices,
            List<CostItem> items,
            BigDecimal total,
            List<BigDecimal> series,
            List<String> notPriced) {}

    /** One line of the costs: a quantity (units, or ETH of gas) times its unit price. */
    public record CostItem(
            String item,
            String metric,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            BigDecimal amount,
            List<BigDecimal> series) {}

    public record Performance(List<RouteLatency> routes, List<OnboardingTime> onboarding) {}

    /**
     * A route class's latency: percentiles are the upper bound of the bucket holding them (at most 25 % above the
     * true value), in milliseconds; null without requests.
     */
    public record RouteLatency(
            String routeClass,
            long requests,
            Double p50Ms,
            Double p99Ms,
            List<Double> p50MsSeries,
            List<Double> p99MsSeries) {}

    /** Time from the KYC start to a step ({@code verified}, {@code wallet}, {@code claim}), bucket upper bounds. */
    public record OnboardingTime(String step, long users, Long p50Seconds, Long p99Seconds) {}

    /**
     * Users who reached a step in the period, and the share of the previous step's that did not (null for the
     * first step, or when the previous one had none).
     */
    public record FunnelStep(String step, long users, Double dropOff, List<Long> series) {}

    public record OrganizationTotals(String orgId, String slug, Map<String, Long> counts) {}
}
