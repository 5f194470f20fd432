package dev.attest.wallet.rest;

import dev.attest.wallet.aa.SponsorshipPolicy;
import dev.attest.wallet.aa.SponsorshipUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A project's sponsorship policy and what it has used this UTC month (amounts in wei, integer strings). */
public record SponsorshipPolicyView(
        String projectId,
        boolean enabled,
        PaymasterView paymaster,
        String monthlyBudget,
        String userDailyCap,
        boolean nativeAllowed,
        List<String> allowedTokens,
        List<String> allowedRecipients,
        SponsorshipUsage usage,
        Instant updatedAt,
        String updatedBy) {

    /** Which paymaster pays; the external one's API key is never answered, only whether one is stored. */
    public record PaymasterView(String kind, String url, boolean apiKeySet) {}

    public static SponsorshipPolicyView of(SponsorshipPolicy policy, SponsorshipUsage usage) {
        return new SponsorshipPolicyView(
                policy.projectId,
                policy.enabled,
                new PaymasterView(policy.paymasterKind, policy.paymasterUrl, policy.paymasterApiKeySealed != null),
                wei(policy.monthlyBudget),
                wei(policy.userDailyCap),
                policy.nativeAllowed,
                policy.allowedTokens,
                policy.allowedRecipients,
                usage,
                policy.updatedAt,
                policy.updatedBy);
    }

    private static String wei(BigDecimal amount) {
        return amount == null ? null : amount.toBigIntegerExact().toString();
    }
}
