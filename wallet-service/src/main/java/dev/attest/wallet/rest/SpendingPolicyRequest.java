package dev.attest.wallet.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An organization's spending policy as an admin sets it: the whole policy, each part absent or null for none.
 * The native parts are in the native asset's smallest unit (wei) as integer strings; each token's in its own
 * smallest unit.
 *
 * @param perTransferLimit largest native transfer; a larger one is refused (422)
 * @param dailyLimit largest sum of a user's native transfers per UTC day; more is refused (422)
 * @param approvalThreshold native transfers above it wait for an org admin's approval
 * @param dailyCountLimit most transfers (native and tokens) one user may request per UTC day; one more is
 *     refused (422)
 * @param tokenLimits the ERC-20 tokens with limits of their own, one entry per contract; a token without an
 *     entry has no limit (only the count applies to it)
 */
public record SpendingPolicyRequest(
        @WeiAmount @Schema(pattern = WeiAmount.PATTERN, description = WeiAmount.DESCRIPTION) String perTransferLimit,
        @WeiAmount @Schema(pattern = WeiAmount.PATTERN, description = WeiAmount.DESCRIPTION) String dailyLimit,
        @WeiAmount @Schema(pattern = WeiAmount.PATTERN, description = WeiAmount.DESCRIPTION) String approvalThreshold,
        @Min(1) @Max(MAX_DAILY_COUNT) Integer dailyCountLimit,
        @Size(max = MAX_TOKENS) List<@Valid @NotNull TokenLimitRequest> tokenLimits) {

    /** A count limit above this is no limit in practice (more than one transfer a second all day). */
    static final int MAX_DAILY_COUNT = 100_000;

    /** Tokens with limits of their own, per organization. */
    static final int MAX_TOKENS = 100;

    /** The native parts only, as the Dfns settings carry them: no count, no token limits. */
    public static SpendingPolicyRequest nativeOnly(
            String perTransferLimit, String dailyLimit, String approvalThreshold) {
        return new SpendingPolicyRequest(perTransferLimit, dailyLimit, approvalThreshold, null, null);
    }
}
