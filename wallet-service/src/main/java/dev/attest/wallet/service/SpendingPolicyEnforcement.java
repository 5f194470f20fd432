package dev.attest.wallet.service;

import dev.attest.common.problem.ProblemException;
import dev.attest.wallet.OrgDfnsSettings;
import dev.attest.wallet.TokenSpendingLimit;
import dev.attest.wallet.repository.DfnsSettingsRepository;
import dev.attest.wallet.repository.TokenSpendingLimitRepository;
import dev.attest.wallet.repository.TransferRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Holds a transfer request to its organization's spending policy when it is requested: the daily count (any
 * asset), then the per-transfer and daily limits of its asset (the native policy, or the token's own when the
 * admin listed the token; a token not listed has no amount limit) refuse it (422, nothing stored); above the
 * asset's approval threshold it waits for an admin. The day is the UTC day; failed and rejected transfers do
 * not count. Runs in the caller's transaction, which holds the user's wallet locked, so that two requests of
 * one user cannot both take the last of a limit.
 */
@ApplicationScoped
public class SpendingPolicyEnforcement {
    private final DfnsSettingsRepository settings;
    private final TokenSpendingLimitRepository tokens;
    private final TransferRepository transfers;

    SpendingPolicyEnforcement(
            DfnsSettingsRepository settings, TokenSpendingLimitRepository tokens, TransferRepository transfers) {
        this.settings = settings;
        this.tokens = tokens;
        this.transfers = transfers;
    }

    /** The limits of one asset: the native policy's, or one token's. */
    private record AssetLimits(
            Optional<BigDecimal> perTransfer, Optional<BigDecimal> daily, Optional<BigDecimal> approvalThreshold) {
        static final AssetLimits NONE = new AssetLimits(Optional.empty(), Optional.empty(), Optional.empty());

        static AssetLimits nativeOf(OrgDfnsSettings row) {
            return new AssetLimits(
                    Optional.ofNullable(row.perTransferLimit),
                    Optional.ofNullable(row.dailyLimit),
                    Optional.ofNullable(row.approvalThreshold));
        }

        static AssetLimits of(TokenSpendingLimit token) {
            return new AssetLimits(
                    Optional.ofNullable(token.perTransferLimit),
                    Optional.ofNullable(token.dailyLimit),
                    Optional.ofNullable(token.approvalThreshold));
        }
    }

    /**
     * Refuses the transfer (422) if it breaks the org's policy; answers whether it needs an admin's approval.
     *
     * @param contract the token's contract for an ERC-20 transfer; empty for a native one
     */
    public boolean admit(String orgId, String userId, Optional<String> contract, BigInteger amount) {
        Optional<OrgDfnsSettings> stored = settings.findByIdOptional(orgId);
        if (stored.isEmpty()) {
            return false; // credentials from configuration only (the local stack's default org): no policy
        }
        OrgDfnsSettings row = stored.get();
        Instant today =
                LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (row.dailyCountLimit != null && transfers.countSince(orgId, userId, today) >= row.dailyCountLimit) {
            throw new ProblemException(
                    422,
                    "daily-count-exceeded",
                    "Daily transfer count exceeded",
                    "The organization allows " + row.dailyCountLimit + " transfers per user per UTC day.");
        }
        AssetLimits limits = contract.map(address ->
                        tokens.find(orgId, address).map(AssetLimits::of).orElse(AssetLimits.NONE))
                .orElseGet(() -> AssetLimits.nativeOf(row));
        String unit = contract.isPresent() ? "the token's smallest unit" : "wei";
        BigDecimal value = new BigDecimal(amount);
        limits.perTransfer().filter(limit -> value.compareTo(limit) > 0).ifPresent(limit -> {
            throw new ProblemException(
                    422,
                    "spending-limit-exceeded",
                    "Spending limit exceeded",
                    "The amount is above the organization's per-transfer limit of " + limit.toPlainString() + " ("
                            + unit + ").");
        });
        limits.daily()
                .filter(limit -> transfers
                                .spentSince(orgId, userId, contract, today)
                                .add(value)
                                .compareTo(limit)
                        > 0)
                .ifPresent(limit -> {
                    throw new ProblemException(
                            422,
                            "daily-limit-exceeded",
                            "Daily limit exceeded",
                            "The transfer would exceed the organization's daily limit of " + limit.toPlainString()
                                    + " (" + unit + ").");
                });
        return limits.approvalThreshold()
                .filter(threshold -> value.compareTo(threshold) > 0)
                .isPresent();
    }
}
