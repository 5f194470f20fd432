package dev.attest.wallet.service;

import dev.attest.common.problem.ProblemException;
import dev.attest.wallet.OrgDfnsSettings;
import dev.attest.wallet.repository.DfnsSettingsRepository;
import dev.attest.wallet.rest.SpendingPolicyRequest;
import dev.attest.wallet.rest.SpendingPolicyView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The organizations' spending policies: per-transfer and daily limits and the approval threshold of native
 * transfers, kept with the org's stored Dfns settings. Set on its own ({@code PUT /orgs/{org}/spending-policy},
 * no secret needed, the Dfns settings untouched) or, as before, with the Dfns settings; both go through
 * {@link #apply}. Requests reach it validated ({@link dev.attest.wallet.rest.WeiAmount}).
 */
@ApplicationScoped
public class SpendingPolicyService {
    private final DfnsSettingsRepository settings;

    SpendingPolicyService(DfnsSettingsRepository settings) {
        this.settings = settings;
    }

    @Transactional
    public SpendingPolicyView get(String orgId) {
        return view(settings.findByIdOptional(orgId).orElseThrow(SpendingPolicyService::notConfigured));
    }

    /** Replaces the org's whole policy (a part absent: none); nothing else of the org's settings changes. */
    @Transactional
    public SpendingPolicyView put(String orgId, SpendingPolicyRequest request, String by) {
        // Locked: a Dfns settings change committed meanwhile is read, never written back over.
        OrgDfnsSettings row = settings.findByIdOptional(orgId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(SpendingPolicyService::notConfigured);
        apply(row, request, by, Instant.now().truncatedTo(ChronoUnit.MICROS)); // as PostgreSQL keeps it
        return view(row);
    }

    /** The one way a policy is stored: {@code request}'s parts, each absent meaning none. */
    static void apply(OrgDfnsSettings row, SpendingPolicyRequest request, String by, Instant at) {
        row.perTransferLimit = amount(request.perTransferLimit());
        row.dailyLimit = amount(request.dailyLimit());
        row.approvalThreshold = amount(request.approvalThreshold());
        row.policyUpdatedAt = at;
        row.policyUpdatedBy = by;
    }

    static SpendingPolicyView view(OrgDfnsSettings row) {
        return new SpendingPolicyView(
                plain(row.perTransferLimit),
                plain(row.dailyLimit),
                plain(row.approvalThreshold),
                row.policyUpdatedAt,
                row.policyUpdatedBy);
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

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
