package dev.attest.wallet.aa;

import dev.attest.common.crypto.SecretCipher;
import dev.attest.common.net.OutboundAddressGuard;
import dev.attest.common.net.RefusedAddressException;
import dev.attest.common.problem.ProblemException;
import dev.attest.common.tenant.Tenants;
import dev.attest.wallet.rest.SponsorshipPolicyRequest;
import dev.attest.wallet.service.EvmAddresses;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/** Each project's sponsorship policy, as its org admin reads and sets it, and what it used this month. */
@ApplicationScoped
public class SponsorshipPolicies {
    private static final int TOP_USERS = 20;

    private final EntityManager db;
    private final Tenants tenants;
    private final SecretCipher cipher;
    private final OutboundAddressGuard guard;

    SponsorshipPolicies(EntityManager db, Tenants tenants, SecretCipher cipher, OutboundAddressGuard guard) {
        this.db = db;
        this.tenants = tenants;
        this.cipher = cipher;
        this.guard = guard;
    }

    /** The policy of one of the org's projects (another org's, or an unknown one: 404). */
    public SponsorshipPolicy get(String orgId, String projectId) {
        requireProject(orgId, projectId);
        return QuarkusTransaction.requiringNew().call(() -> {
            SponsorshipPolicy policy = db.find(SponsorshipPolicy.class, new SponsorshipPolicy.Key(orgId, projectId));
            return policy == null ? SponsorshipPolicy.none(orgId, projectId) : policy;
        });
    }

    /** Replaces the project's policy; a bad value is refused (400, naming the field) with nothing stored. */
    public SponsorshipPolicy put(String orgId, String projectId, SponsorshipPolicyRequest request, String by) {
        requireProject(orgId, projectId);
        String kind = request.paymasterKind() == null ? PlatformPaymaster.KIND : request.paymasterKind();
        boolean external = ExternalPaymaster.KIND.equals(kind);
        if (external) {
            checkUrl(request.paymasterUrl());
        } else if (request.paymasterUrl() != null
                || (request.paymasterApiKey() != null
                        && !request.paymasterApiKey().isEmpty())) {
            throw invalid("paymaster_url", "paymaster_url and paymaster_api_key are for an external paymaster only.");
        }
        if (request.enabled() && !external && request.monthlyBudget() == null) {
            throw invalid("monthly_budget", "monthly_budget is required to sponsor with the platform's paymaster.");
        }
        List<String> tokens = addresses("allowed_tokens", request.allowedTokens());
        List<String> recipients = addresses("allowed_recipients", request.allowedRecipients());
        return QuarkusTransaction.requiringNew().call(() -> {
            SponsorshipPolicy policy = db.find(SponsorshipPolicy.class, new SponsorshipPolicy.Key(orgId, projectId));
            boolean created = policy == null;
            if (created) {
                policy = SponsorshipPolicy.none(orgId, projectId);
            }
            policy.enabled = request.enabled();
            policy.paymasterKind = kind;
            policy.paymasterUrl = external ? request.paymasterUrl() : null;
            if (!external || "".equals(request.paymasterApiKey())) {
                policy.paymasterApiKeySealed = null;
            } else if (request.paymasterApiKey() != null) {
                policy.paymasterApiKeySealed =
                        cipher.encrypt(request.paymasterApiKey(), SponsorshipAdmission.apiKeyContext(orgId, projectId));
            }
            policy.monthlyBudget = amount(request.monthlyBudget());
            policy.userDailyCap = amount(request.userDailyCap());
            policy.nativeAllowed = request.nativeAllowed() == null || request.nativeAllowed();
            policy.allowedTokens = tokens;
            policy.allowedRecipients = recipients;
            policy.updatedAt = Instant.now();
            policy.updatedBy = by;
            if (created) {
                db.persist(policy);
            }
            return policy;
        });
    }

    /** What the project used in the current UTC month. */
    public SponsorshipUsage usage(SponsorshipPolicy policy) {
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] totals = (Object[]) db.createNativeQuery(
                            "select"
                                    + " coalesce(sum(gas_cost) filter (where status = 'settled'), 0),"
                                    + " coalesce(sum(max_cost) filter (where status = 'reserved'), 0),"
                                    + " count(*) filter (where status = 'settled')"
                                    + " from sponsored_operation where org_id = :org and project_id = :project and created_at >= :from")
                    .setParameter("org", policy.orgId)
                    .setParameter("project", policy.projectId)
                    .setParameter("from", from)
                    .getSingleResult();
            BigInteger spent = wei(totals[0]);
            BigInteger reserved = wei(totals[1]);
            String remaining = policy.monthlyBudget == null
                    ? null
                    : policy.monthlyBudget
                            .toBigIntegerExact()
                            .subtract(spent)
                            .subtract(reserved)
                            .max(BigInteger.ZERO)
                            .toString();
            return new SponsorshipUsage(
                    month.toString(),
                    spent.toString(),
                    reserved.toString(),
                    remaining,
                    ((Number) totals[2]).longValue(),
                    byDay(policy, from),
                    byUser(policy, from));
        });
    }

    @SuppressWarnings("unchecked")
    private List<SponsorshipUsage.Day> byDay(SponsorshipPolicy policy, Instant from) {
        List<Object[]> rows = db.createNativeQuery("select (created_at at time zone 'UTC')::date as day,"
                        + " sum(gas_cost), count(*) from sponsored_operation"
                        + " where org_id = :org and project_id = :project and created_at >= :from and status = 'settled'"
                        + " group by day order by day")
                .setParameter("org", policy.orgId)
                .setParameter("project", policy.projectId)
                .setParameter("from", from)
                .getResultList();
        return rows.stream()
                .map(row -> new SponsorshipUsage.Day(
                        day(row[0]).toString(), wei(row[1]).toString(), ((Number) row[2]).longValue()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<SponsorshipUsage.User> byUser(SponsorshipPolicy policy, Instant from) {
        List<Object[]> rows = db.createNativeQuery("select user_id, sum(gas_cost) as spent, count(*)"
                        + " from sponsored_operation where org_id = :org and project_id = :project"
                        + " and created_at >= :from and status = 'settled'"
                        + " group by user_id order by spent desc, user_id limit " + TOP_USERS)
                .setParameter("org", policy.orgId)
                .setParameter("project", policy.projectId)
                .setParameter("from", from)
                .getResultList();
        return rows.stream()
                .map(row -> new SponsorshipUsage.User(
                        (String) row[0], wei(row[1]).toString(), ((Number) row[2]).longValue()))
                .toList();
    }

    private void requireProject(String orgId, String projectId) {
        if (tenants.project(orgId, projectId).isEmpty()) {
            throw ProblemException.notFound("Project " + projectId);
        }
    }

    private void checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw invalid("paymaster_url", "paymaster_url is required for an external paymaster.");
        }
        // The project's API key will be sent there: only to an address the outbound policy allows (no SSRF).
        try {
            guard.check(url);
        } catch (RefusedAddressException e) {
            throw ProblemException.badRequest("paymaster-url-refused", "paymaster_url: " + e.getMessage());
        }
    }

    /** Lower-cased, checked (EIP-55 when mixed case), each once; null stays null (any). */
    private static List<String> addresses(String field, List<String> given) {
        if (given == null) {
            return null;
        }
        List<String> lowered = new ArrayList<>();
        var seen = new HashSet<String>();
        for (int i = 0; i < given.size(); i++) {
            String address = given.get(i);
            if (!EvmAddresses.isValid(address)) {
                throw invalid(field + "[" + i + "]", "not a valid address (EIP-55 checksum when mixed case)");
            }
            if (seen.add(address.toLowerCase(Locale.ROOT))) {
                lowered.add(address.toLowerCase(Locale.ROOT));
            }
        }
        return lowered;
    }

    private static ProblemException invalid(String field, String detail) {
        return ProblemException.invalidField(field, detail);
    }

    private static BigDecimal amount(String wei) {
        return wei == null ? null : new BigDecimal(new BigInteger(wei));
    }

    private static BigInteger wei(Object value) {
        return value == null ? BigInteger.ZERO : ((BigDecimal) value).toBigIntegerExact();
    }

    private static LocalDate day(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
