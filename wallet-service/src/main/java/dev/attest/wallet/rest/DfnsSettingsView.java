package dev.attest.wallet.rest;

import java.time.Instant;

/** An organization's Dfns settings as answered: secrets masked, only whether they are set. */
public record DfnsSettingsView(
        String apiBaseUrl,
        String token,
        String credentialId,
        String privateKey,
        String appId,
        String defaultNetwork,
        String webhookSecret,
        String previousWebhookSecret,
        String perTransferLimit,
        String dailyLimit,
        String approvalThreshold,
        Instant updatedAt) {}
