package dev.attest.wallet.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * An organization's Dfns settings as an admin sets them. The secrets are write-only: they are never
 * answered back.
 *
 * @param perTransferLimit largest native transfer, smallest unit, integer string; absent means none
 * @param dailyLimit largest sum of a user's native transfers per UTC day; absent means none
 */
public record DfnsSettingsRequest(
        @NotBlank @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String apiBaseUrl,
        @NotBlank String token,
        @NotBlank String credentialId,
        @NotBlank String privateKey,
        String appId,
        @NotBlank String defaultNetwork,
        String webhookSecret,
        @Pattern(regexp = "[1-9][0-9]*", message = "must be a positive integer string") String perTransferLimit,
        @Pattern(regexp = "[1-9][0-9]*", message = "must be a positive integer string") String dailyLimit) {}
