package dev.attest.wallet.rest;

import java.time.Instant;

/**
 * An organization's spending policy as answered: amounts in the native asset's smallest unit (wei) as integer
 * strings, null for none; when and by whom it was last set, alone or with the Dfns settings ({@code updatedBy}
 * is null for a policy set before this was recorded).
 */
public record SpendingPolicyView(
        String perTransferLimit, String dailyLimit, String approvalThreshold, Instant updatedAt, String updatedBy) {}
