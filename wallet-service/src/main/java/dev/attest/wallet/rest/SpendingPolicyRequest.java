package dev.attest.wallet.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An organization's spending policy as an admin sets it: the whole policy, each part in the native asset's
 * smallest unit (wei) as an integer string, absent or null for none. Limits and threshold apply to native
 * transfers only.
 *
 * @param perTransferLimit largest native transfer; a larger one is refused (422)
 * @param dailyLimit largest sum of a user's native transfers per UTC day; more is refused (422)
 * @param approvalThreshold native transfers above it wait for an org admin's approval
 */
public record SpendingPolicyRequest(
        @WeiAmount @Schema(pattern = WeiAmount.PATTERN, description = WeiAmount.DESCRIPTION) String perTransferLimit,
        @WeiAmount @Schema(pattern = WeiAmount.PATTERN, description = WeiAmount.DESCRIPTION) String dailyLimit,
        @WeiAmount @Schema(pattern = WeiAmount.PATTERN, description = WeiAmount.DESCRIPTION)
                String approvalThreshold) {}
