package dev.attest.wallet.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An organization's Dfns settings as an admin sets them. The secrets are write-only: they are never
 * answered back. The three policy fields are still accepted and replace the whole spending policy, as they
 * always did (absent: none); the policy has its own endpoint, {@code PUT /orgs/{org}/spending-policy}, which
 * needs no secret ({@link SpendingPolicyRequest}).
 *
 * @param webhookSecret the secret Dfns signs webhooks with
 * @param previousWebhookSecret during a rotation, the old webhook's secret: deliveries signed with either are
 *     accepted until it is removed
 * @param perTransferLimit largest native transfer, smallest unit, integer string; absent means none
 * @param dailyLimit largest sum of a user's native transfers per UTC day; absent means none
 * @param approvalThreshold native transfers above it wait for an org admin's approval; absent means none
 */
public record DfnsSettingsRequest(
        @NotBlank @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String apiBaseUrl,
        @NotBlank String token,
        @NotBlank String credentialId,
        @NotBlank String privateKey,
        String appId,
        @NotBlank String defaultNetwork,
        String webhookSecret,
        String previousWebhookSecret,
        @WeiAmount @Schema(pattern = WeiAmount.PATTERN, description = WeiAmount.DESCRIPTION) String perTransferLimit,
        @WeiAmount @Schema(pattern = WeiAmount.PATTERN, description = WeiAmount.DESCRIPTION) String dailyLimit,
        @WeiAmount @Schema(pattern = WeiAmount.PATTERN, description = WeiAmount.DESCRIPTION)
                String approvalThreshold) {}
