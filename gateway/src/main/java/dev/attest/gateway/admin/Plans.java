package dev.attest.gateway.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.problem.ProblemException;
import dev.attest.gateway.Organization;
import dev.attest.gateway.security.EdgeCaller;
import dev.attest.gateway.service.ProjectService;
import dev.attest.gateway.service.UsageService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Organizations' plans: a name, a monthly price, the units of each usage metric it includes, the price of 1000
 * units above that, and optionally a rate limit for all the organization's projects. Platform admins set them; an
 * organization without one has the free default plan (no price, nothing included, nothing charged).
 */
@ApplicationScoped
public class Plans {
    /** The usage metrics a plan prices: those the gateway counts ({@link UsageService}). */
    public static final List<String> METRICS = List.of(
            UsageService.REQUESTS,
            UsageService.KYC_CASES_OPENED,
            UsageService.WALLETS_PROVISIONED,
            UsageService.TRANSFERS,
            UsageService.WEBHOOKS_DELIVERED);

    static final String DEFAULT_PLAN = "default";
    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {};

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final AdminConfig config;
    private final AdminAudit audit;

    Plans(DataSource dataSource, ObjectMapper mapper, AdminConfig config, AdminAudit audit) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.config = config;
        this.audit = audit;
    }

    /** The organization's plan, or the free default when none is set. */
    @Transactional
    public Plan of(Organization org) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select name, currency, monthly_price_minor,"
                        + " included::text, unit_prices::text, rate_limit_capacity, rate_limit_refill_per_second,"
                        + " updated_by, updated_at from org_plan where org_id = ?")) {
            query.setObject(1, org.id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return new Plan(
                            org.id,
                            DEFAULT_PLAN,
                            config.defaultCurrency(),
                            0,
                            zeroes(Map.of()),
                            zeroes(Map.of()),
                            null,
                            true,
                            null,
                            null);
                }
                int capacity = row.getInt(6);
                boolean noLimit = row.wasNull();
                RateLimit limit = noLimit ? null : new RateLimit(capacity, row.getDouble(7));
                return new Plan(
                        org.id,
                        row.getString(1),
                        row.getString(2),
                        row.getLong(3),
                        zeroes(read(row.getString(4))),
                        zeroes(read(row.getString(5))),
                        limit,
                        false,
                        row.getString(8),
                        row.getTimestamp(9).toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the plan of " + org.id, e);
        }
    }

    /** Sets (replaces) the organization's plan; unknown metrics are 400 {@code unknown-metric}, nothing changes. */
    @Transactional
    public Plan set(EdgeCaller admin, Organization org, @Valid PlanRequest request) {
        TreeSet<String> unknown = new TreeSet<>();
        unknown.addAll(
                request.included() == null ? List.of() : request.included().keySet());
        unknown.addAll(
                request.unitPricesPerThousandMinor() == null
                        ? List.of()
                        : request.unitPricesPerThousandMinor().keySet());
        unknown.removeAll(METRICS);
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest(
                    "unknown-metric",
                    "Unknown usage metrics: " + String.join(", ", unknown) + "; known: " + String.join(", ", METRICS)
                            + ".");
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("insert into org_plan (org_id, name, currency,"
                        + " monthly_price_minor, included, unit_prices, rate_limit_capacity,"
                        + " rate_limit_refill_per_second, updated_by, updated_at)"
                        + " values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?)"
                        + " on conflict (org_id) do update set name = excluded.name, currency = excluded.currency,"
                        + " monthly_price_minor = excluded.monthly_price_minor, included = excluded.included,"
                        + " unit_prices = excluded.unit_prices, rate_limit_capacity = excluded.rate_limit_capacity,"
                        + " rate_limit_refill_per_second = excluded.rate_limit_refill_per_second,"
                        + " updated_by = excluded.updated_by, updated_at = excluded.updated_at")) {
            upsert.setObject(1, org.id);
            upsert.setString(2, request.name());
            upsert.setString(3, request.currency());
            upsert.setLong(4, request.monthlyPriceMinor());
            upsert.setString(5, write(request.included()));
            upsert.setString(6, write(request.unitPricesPerThousandMinor()));
            if (request.rateLimit() == null) {
                upsert.setNull(7, java.sql.Types.INTEGER);
                upsert.setNull(8, java.sql.Types.DOUBLE);
            } else {
                upsert.setInt(7, request.rateLimit().capacity());
                upsert.setDouble(8, request.rateLimit().refillPerSecond());
            }
            upsert.setString(9, admin.subject());
            upsert.setTimestamp(10, Timestamp.from(Instant.now()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the plan of " + org.id, e);
        }
        Plan plan = of(org);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", plan.name());
        after.put("currency", plan.currency());
        after.put("monthly_price_minor", plan.monthlyPriceMinor());
        after.put("included", plan.included());
        after.put("unit_prices_per_thousand_minor", plan.unitPricesPerThousandMinor());
        if (plan.rateLimit() != null) {
            after.put(
                    "rate_limit",
                    Map.of(
                            "capacity", plan.rateLimit().capacity(),
                            "refill_per_second", plan.rateLimit().refillPerSecond()));
        }
        audit.record(admin, "organization.plan-set", org.id, null, "plan", org.id.toString(), after);
        return plan;
    }

    /** Every metric, with 0 where the plan names none, in the order of {@link #METRICS}. */
    private static Map<String, Long> zeroes(Map<String, Long> given) {
        Map<String, Long> all = new LinkedHashMap<>();
        METRICS.forEach(
                metric -> all.put(metric, Optional.ofNullable(given.get(metric)).orElse(0L)));
        return all;
    }

    private Map<String, Long> read(String json) {
        try {
            return mapper.readValue(json, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable plan", e);
        }
    }

    private String write(Map<String, Long> values) {
        try {
            return mapper.writeValueAsString(values == null ? Map.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A plan as set by a platform admin. Money in minor units (cents) of {@code currency}; unit prices per 1000
     * units, so that a fraction of a cent per unit is an integer too.
     */
    public record PlanRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 code such as EUR") String currency,
            @NotNull @Min(0) @Max(1_000_000_000_000L) Long monthlyPriceMinor,
            @Size(max = 20) Map<String, @NotNull @Min(0) @Max(1_000_000_000_000_000L) Long> included,
            @Size(max = 20) Map<String, @NotNull @Min(0) @Max(1_000_000_000L) Long> unitPricesPerThousandMinor,
            @Valid ProjectService.RateLimitSettings rateLimit) {}

    /** A plan's rate limit: the token bucket of each of the organization's projects. */
    public record RateLimit(int capacity, double refillPerSecond) {}

    /**
     * An organization's plan.
     *
     * @param defaultPlan true when no plan is set: the free default
     */
    public record Plan(
            UUID orgId,
            String name,
            String currency,
            long monthlyPriceMinor,
            Map<String, Long> included,
            Map<String, Long> unitPricesPerThousandMinor,
            RateLimit rateLimit,
            boolean defaultPlan,
            String updatedBy,
            Instant updatedAt) {}
}
