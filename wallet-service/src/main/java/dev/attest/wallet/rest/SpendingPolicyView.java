package dev.attest.wallet.rest;

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
        String updatedBy) {}
