package dev.attest.wallet.service;

import dev.attest.common.problem.ProblemException;
import dev.attest.wallet.OrgDfnsSettings;
import dev.attest.wallet.TokenSpendingLimit;
import dev.attest.wallet.repository.DfnsSettingsRepository;
import dev.attest.wallet.repository.TokenSpendingLimitRepository;
import dev.attest.wallet.rest.SpendingPolicyRequest;
import dev.attest.wallet.rest.TokenLimitRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The organizations' spending policies: per-transfer and daily limits and the approval threshold of native
 * transfers and of each ERC-20 token the admin lists, and a daily count of transfers, kept with the org's
 * stored Dfns settings. Set on its own ({@code PUT /orgs/{org}/spending-policy}, no secret needed, the Dfns
 * settings untouched) or, for its native parts as before, with the Dfns settings. Requests reach it validated
 * ({@link dev.attest.wallet.rest.WeiAmount}); {@link SpendingPolicyEnforcement} holds transfers to it.
 */
@ApplicationScoped
public class SpendingPolicyService {
    private final DfnsSettingsRepository settings;
    private final TokenSpendingLimitRepository tokens;

    SpendingPolicyService(DfnsSettingsRepository settings, TokenSpendingLimitRepository tokens) {
        this.settings = settings;
        this.tokens = tokens;
    }

    /** The org's policy: the native limits kept with its Dfns settings, and its tokens' limits. */
    public record SpendingPolicy(OrgDfnsSettings settings, List<TokenSpendingLimit> tokenLimits) {}

    @Transactional
    public SpendingPolicy get(String orgId) {
        return policyOf(settings.findByIdOptional(orgId).orElseThrow(SpendingPolicyService::notConfigured));
    }

    @jakarta.inject.Inject
    dev.attest.common.audit.AuditTrail audit;

    /** Replaces the org's whole policy (a part absent: none); nothing else of the org's settings changes. */
    @Transactional
    public SpendingPolicy put(String orgId, SpendingPolicyRequest request, String by) {
        List<TokenLimitRequest> tokenLimits = request.tokenLimits() == null ? List.of() : request.tokenLimits();
        requireOneEntryPerToken(tokenLimits);
        // Locked: a Dfns settings change committed meanwhile is read, never written back over.
        OrgDfnsSettings row = settings.findByIdOptional(orgId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(SpendingPolicyService::notConfigured);
        dev.attest.wallet.rest.SpendingPolicyView before = dev.attest.wallet.rest.SpendingPolicyView.of(policyOf(row));
        applyNative(row, request, by, Instant.now().truncatedTo(ChronoUnit.MICROS)); // as PostgreSQL keeps it
        row.dailyCountLimit = request.dailyCountLimit();
        tokens.deleteOfOrg(orgId);
        tokenLimits.forEach(limit -> tokens.persist(token(orgId, limit)));
        SpendingPolicy after = policyOf(row);
        audit.record(dev.attest.common.audit.AuditEntry.of("spending-policy.updated", orgId, "spending-policy", orgId)
                .withChanges(dev.attest.common.audit.AuditChanges.of(
                        before, dev.attest.wallet.rest.SpendingPolicyView.of(after))));
        return after;
    }

    /**
     * Stores {@code request}'s native parts, each absent meaning none: what the Dfns settings carry, as they always
     * did. The daily count and the token limits are left as they are.
     */
    static void applyNative(OrgDfnsSettings row, SpendingPolicyRequest request, String by, Instant at) {
        row.perTransferLimit = amount(request.perTransferLimit());
        row.dailyLimit = amount(request.dailyLimit());
        row.approvalThreshold = amount(request.approvalThreshold());
        row.policyUpdatedAt = at;
        row.policyUpdatedBy = by;
    }

    private SpendingPolicy policyOf(OrgDfnsSettings row) {
        return new SpendingPolicy(row, row.orgId == null ? List.of() : tokens.ofOrg(row.orgId));
    }

    // The policy is refused whole, before anything is written, when a token is listed twice (in any letter case).
    private static void requireOneEntryPerToken(List<TokenLimitRequest> limits) {
        Set<String> seen = new HashSet<>();
        for (TokenLimitRequest limit : limits) {
            if (!EvmAddresses.isValid(limit.contract())) {
                throw ProblemException.badRequest(
                        "invalid-address", "token_limits: " + limit.contract() + " is not a valid contract address.");
            }
            if (!seen.add(limit.contract().toLowerCase(Locale.ROOT))) {
                throw ProblemException.badRequest(
                        "duplicate-token", "token_limits: the token " + limit.contract() + " is listed twice.");
            }
        }
    }

    private static TokenSpendingLimit token(String orgId, TokenLimitRequest request) {
        TokenSpendingLimit limit = new TokenSpendingLimit();
        limit.orgId = orgId;
        limit.contract = request.contract().toLowerCase(Locale.ROOT);
        limit.decimals = request.decimals();
        limit.perTransferLimit = amount(request.perTransferLimit());
        limit.dailyLimit = amount(request.dailyLimit());
        limit.approvalThreshold = amount(request.approvalThreshold());
        return limit;
    }

    // Stored settings only: an org whose Dfns credentials come from configuration (the local stack's default
    // org) stores its settings first, as before.
    private static ProblemException notConfigured() {
        return new ProblemException(
                409,
                "dfns-not-configured",
                "Dfns not configured",
                "The spending policy is kept with the organization's Dfns settings, and it has none stored:"
                        + " store them first (PUT /orgs/{org}/integrations/dfns).");
    }

    private static BigDecimal amount(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
