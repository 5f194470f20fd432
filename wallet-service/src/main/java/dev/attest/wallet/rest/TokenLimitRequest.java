package dev.attest.wallet.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The spending policy of one ERC-20 token: amounts in the token's smallest unit (one token is 10^decimals of
 * them), each absent or null for none.
 *
 * @param contract the token's contract address (EIP-55 checksum if mixed case); one entry per token
 * @param decimals the token's decimals (ERC-20's {@code decimals()}, 0 to 255): how the amounts read in whole tokens
 * @param perTransferLimit largest transfer of this token; a larger one is refused (422)
 * @param dailyLimit largest sum of a user's transfers of this token per UTC day; more is refused (422)
 * @param approvalThreshold transfers of this token above it wait for an org admin's approval
 */
public record TokenLimitRequest(
        @NotNull @Pattern(regexp = "^0x[0-9a-fA-F]{40}$", message = "must be a contract address (0x and 40 hex digits)")
                String contract,
        @NotNull @Min(0) @Max(255) Integer decimals,
        @WeiAmount @Schema(pattern = WeiAmount.PATTERN, description = WeiAmount.TOKEN_DESCRIPTION)
                String perTransferLimit,
        @WeiAmount @Schema(pattern = WeiAmount.PATTERN, description = WeiAmount.TOKEN_DESCRIPTION) String dailyLimit,
        @WeiAmount @Schema(pattern = WeiAmount.PATTERN, description = WeiAmount.TOKEN_DESCRIPTION)
                String approvalThreshold) {}
