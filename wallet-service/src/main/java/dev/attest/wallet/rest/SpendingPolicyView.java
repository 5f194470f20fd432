package dev.attest.wallet.rest;

import dev.attest.wallet.OrgDfnsSettings;
import dev.attest.wallet.service.SpendingPolicyService;
import java.time.Instant;
import java.util.List;

/**
 * An organization's spending policy as answered: native amounts in the smallest unit (wei) as integer strings,
 * null for none; the daily count, null for none; the tokens with limits of their own (empty for none); when
 * and by whom it was last set, alone or with the Dfns settings ({@code updatedBy} is null for a policy set
 * before this was recorded).
 */
public record SpendingPolicyView(
        String perTransferLimit,
        String dailyLimit,
        String approvalThreshold,
        Integer dailyCountLimit,
        List<TokenLimitView> tokenLimits,
        Instant updatedAt,
        String updatedBy) {

    public static SpendingPolicyView of(SpendingPolicyService.SpendingPolicy policy) {
        OrgDfnsSettings row = policy.settings();
        return new SpendingPolicyView(
                Amounts.plain(row.perTransferLimit),
                Amounts.plain(row.dailyLimit),
                Amounts.plain(row.approvalThreshold),
                row.dailyCountLimit,
                policy.tokenLimits().stream()
                        .map(limit -> new TokenLimitView(
                                limit.contract,
                                limit.decimals,
                                Amounts.plain(limit.perTransferLimit),
                                Amounts.plain(limit.dailyLimit),
                                Amounts.plain(limit.approvalThreshold)))
                        .toList(),
                row.policyUpdatedAt,
                row.policyUpdatedBy);
    }
}
