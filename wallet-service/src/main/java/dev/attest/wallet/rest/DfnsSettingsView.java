package dev.attest.wallet.rest;

import dev.attest.wallet.OrgDfnsSettings;
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
        Instant updatedAt) {

    /** Shown instead of every secret: a response never carries one. */
    static final String MASK = "********";

    public static DfnsSettingsView of(OrgDfnsSettings row) {
        return new DfnsSettingsView(
                row.apiBaseUrl,
                MASK,
                row.credentialId,
                MASK,
                row.appId,
                row.defaultNetwork,
                row.webhookSecretSealed == null ? null : MASK,
                row.previousWebhookSecretSealed == null ? null : MASK,
                Amounts.plain(row.perTransferLimit),
                Amounts.plain(row.dailyLimit),
                Amounts.plain(row.approvalThreshold),
                row.updatedAt);
    }
}
