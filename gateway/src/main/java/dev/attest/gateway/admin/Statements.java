package dev.attest.gateway.admin;

import dev.attest.common.problem.ProblemException;
import dev.attest.gateway.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Monthly statements: the organization's usage of a calendar month (UTC days, every project and what the services
 * reported without one, from {@code usage_daily}) priced with its plan as it is when the statement is asked for.
 *
 * <p>Money is integer minor units (cents) of the plan's currency. One line per metric: {@code billable = max(0, used
 * - included)}, {@code amount = billable × unit price per 1000 / 1000} rounded half up to a whole minor unit (in
 * exact integer arithmetic); the total is the monthly price plus the lines' rounded amounts. A month not yet over
 * is a provisional statement ({@code complete: false}).
 */
@ApplicationScoped
public class Statements {
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final YearMonth FIRST_MONTH = YearMonth.of(2000, 1);
    private static final YearMonth LAST_MONTH = YearMonth.of(9999, 12);
    private static final BigInteger THOUSAND = BigInteger.valueOf(1000);
    private static final BigInteger HALF = BigInteger.valueOf(500);

    private final DataSource dataSource;
    private final Plans plans;

    Statements(DataSource dataSource, Plans plans) {
        this.dataSource = dataSource;
        this.plans = plans;
    }

    /** The month a path names ({@code yyyy-mm}), or 400 {@code invalid-period}. */
    public static YearMonth month(String text) {
        if (text == null || !MONTH.matcher(text).matches()) {
            throw invalidMonth();
        }
        try {
            YearMonth month = YearMonth.parse(text);
            if (month.isBefore(FIRST_MONTH) || month.isAfter(LAST_MONTH)) {
                throw invalidMonth();
            }
            return month;
        } catch (DateTimeParseException e) {
            throw invalidMonth();
        }
    }

    private static ProblemException invalidMonth() {
        return ProblemException.badRequest(
                "invalid-period", "A statement's month is written yyyy-mm, e.g. 2026-03, from 2000-01 to 9999-12.");
    }

    @Transactional
    public Statement of(Organization org, YearMonth month) {
        Plans.Plan plan = plans.of(org);
        Map<String, Long> used = usage(org.id, month);
        List<Line> lines = new ArrayList<>();
        BigInteger total = BigInteger.valueOf(plan.monthlyPriceMinor());
        for (String metric : Plans.METRICS) {
            long units = used.getOrDefault(metric, 0L);
            long included = plan.included().getOrDefault(metric, 0L);
            long billable = Math.max(0, units - included);
            long price = plan.unitPricesPerThousandMinor().getOrDefault(metric, 0L);
            BigInteger amount = BigInteger.valueOf(billable)
                    .multiply(BigInteger.valueOf(price))
                    .add(HALF)
                    .divide(THOUSAND);
            total = total.add(amount);
            lines.add(new Line(metric, units, included, billable, price, amount.longValueExact()));
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new Statement(
                org.id,
                org.slug,
                org.name,
                month.toString(),
                month.atDay(1),
                month.atEndOfMonth(),
                today.isAfter(month.atEndOfMonth()),
                plan.name(),
                plan.currency(),
                plan.monthlyPriceMinor(),
                lines,
                total.longValueExact());
    }

    private Map<String, Long> usage(UUID orgId, YearMonth month) {
        Map<String, Long> used = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select metric, sum(count) from usage_daily"
                        + " where org_id = ? and day between ? and ? group by metric")) {
            query.setString(1, orgId.toString());
            query.setDate(2, Date.valueOf(month.atDay(1)));
            query.setDate(3, Date.valueOf(month.atEndOfMonth()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    used.put(row.getString(1), row.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the usage of " + orgId, e);
        }
        return used;
    }

    /** CSV (RFC 4180): one row per line, then the monthly price and the total. */
    public static String csv(Statement s) {
        StringBuilder csv = new StringBuilder(
                "organization,month,item,used,included,billable,unit_price_per_1000_minor,amount_minor,currency\r\n");
        String prefix = field(s.orgSlug()) + "," + s.month() + ",";
        csv.append(prefix)
                .append(field("plan " + s.plan()))
                .append(",,,,,")
                .append(s.monthlyPriceMinor())
                .append(',')
                .append(s.currency())
                .append("\r\n");
        for (Line line : s.lines()) {
            csv.append(prefix)
                    .append(line.metric())
                    .append(',')
                    .append(line.used())
                    .append(',')
                    .append(line.included())
                    .append(',')
                    .append(line.billable())
                    .append(',')
                    .append(line.unitPricePerThousandMinor())
                    .append(',')
                    .append(line.amountMinor())
                    .append(',')
                    .append(s.currency())
                    .append("\r\n");
        }
        csv.append(prefix)
                .append("total,,,,,")
                .append(s.totalMinor())
                .append(',')
                .append(s.currency())
                .append("\r\n");
        return csv.toString();
    }

    /** A field of a CSV row: quoted when it holds a separator, a quote or a line break; never read as a formula. */
    private static String field(String text) {
        String value = text;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    /** A printable HTML statement, self-contained (inline style only, no script). */
    public static String html(Statement s) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Statement ")
                .append(escape(s.orgSlug()))
                .append(' ')
                .append(s.month())
                .append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}")
                .append("th,td{border-bottom:1px solid #ccc;padding:.4em;text-align:right}")
                .append("th:first-child,td:first-child{text-align:left}tfoot td{font-weight:bold}")
                .append("@media print{body{margin:0}}</style></head><body>\n")
                .append("<h1>Statement ")
                .append(s.month())
                .append("</h1>\n<p>")
                .append(escape(s.orgName()))
                .append(" (")
                .append(escape(s.orgSlug()))
                .append(")<br>Period ")
                .append(s.from())
                .append(" to ")
                .append(s.to())
                .append(" (UTC)<br>Plan ")
                .append(escape(s.plan()))
                .append(s.complete() ? "" : "<br><strong>Provisional: the month is not over.</strong>")
                .append("</p>\n<table><thead><tr><th>Item</th><th>Used</th><th>Included</th><th>Billable</th>")
                .append("<th>Price per 1000</th><th>Amount</th></tr></thead><tbody>\n")
                .append("<tr><td>Monthly price</td><td></td><td></td><td></td><td></td><td>")
                .append(money(s.monthlyPriceMinor(), s.currency()))
                .append("</td></tr>\n");
        for (Line line : s.lines()) {
            html.append("<tr><td>")
                    .append(escape(line.metric()))
                    .append("</td><td>")
                    .append(line.used())
                    .append("</td><td>")
                    .append(line.included())
                    .append("</td><td>")
                    .append(line.billable())
                    .append("</td><td>")
                    .append(money(line.unitPricePerThousandMinor(), s.currency()))
                    .append("</td><td>")
                    .append(money(line.amountMinor(), s.currency()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody><tfoot><tr><td>Total</td><td></td><td></td><td></td><td></td><td>")
                .append(money(s.totalMinor(), s.currency()))
                .append("</td></tr></tfoot></table>\n</body></html>\n");
        return html.toString();
    }

    /** Minor units as a decimal amount with two decimals (every currency is shown with two). */
    static String money(long minor, String currency) {
        String sign = minor < 0 ? "-" : "";
        long abs = Math.abs(minor);
        return sign + (abs / 100) + "." + String.format("%02d", abs % 100) + " " + escape(currency);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** One usage metric of a statement. */
    public record Line(
            String metric, long used, long included, long billable, long unitPricePerThousandMinor, long amountMinor) {}

    /**
     * A monthly statement.
     *
     * @param complete whether the month is over (else the usage may still grow)
     */
    public record Statement(
            UUID orgId,
            String orgSlug,
            String orgName,
            String month,
            LocalDate from,
            LocalDate to,
            boolean complete,
            String plan,
            String currency,
            long monthlyPriceMinor,
            List<Line> lines,
            long totalMinor) {}
}
