package dev.attest.wallet.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A project's sponsorship policy as its org admin sets it: the whole policy (an absent part is none), except the
 * external paymaster's API key, which is write-only: absent keeps the stored one, empty clears it.
 *
 * @param enabled whether the project pays for its users' sponsored transfers
 * @param paymasterKind {@code platform} (the platform's VerifyingPaymaster, default) or {@code external}
 * @param paymasterUrl the external paymaster's ERC-7677 URL (https), for {@code external} only
 * @param monthlyBudget most wei of gas per UTC month, reserved at each operation's most until settled; required
 *     when enabled with the platform's paymaster
 * @param userDailyCap most wei of gas per user per UTC day; absent for none
 * @param nativeAllowed whether native-asset transfers may be sponsored (default true)
 * @param allowedTokens ERC-20 contracts whose transfers may be sponsored; absent or null for any
 * @param allowedRecipients addresses sponsored transfers may go to; absent or null for any
 */
public record SponsorshipPolicyRequest(
        @NotNull Boolean enabled,
        @Pattern(regexp = "platform|external", message = "must be platform or external") String paymasterKind,
        @Size(max = 2048) String paymasterUrl,
        @Size(max = 4096) String paymasterApiKey,
        @WeiAmount @Schema(pattern = WeiAmount.PATTERN, description = "wei per UTC month") String monthlyBudget,
        @WeiAmount @Schema(pattern = WeiAmount.PATTERN, description = "wei per user per UTC day") String userDailyCap,
        Boolean nativeAllowed,
        @Size(max = MAX_ADDRESSES) List<@NotNull String> allowedTokens,
        @Size(max = MAX_ADDRESSES) List<@NotNull String> allowedRecipients) {
    static final int MAX_ADDRESSES = 100;
}
