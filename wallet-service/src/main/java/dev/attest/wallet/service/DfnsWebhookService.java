package dev.attest.wallet.service;

import dev.attest.common.problem.ProblemException;
import dev.attest.common.tenant.Tenants;
import dev.attest.wallet.client.DfnsWebhookEvent;
import dev.attest.wallet.config.WalletConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Dfns webhooks: {@code X-DFNS-WEBHOOK-SIGNATURE: sha256=<hex>} is HMAC-SHA256 of the raw body under the
 * org's webhook secret, compared in constant time; {@code timestampSent} must be within the tolerance.
 * Transfer events update the transfer; a repeated or late status changes nothing (see
 * {@link dev.attest.wallet.Transfer#advancesTo}), since every Dfns retry carries a new event id.
 */
@ApplicationScoped
public class DfnsWebhookService {
    private final DfnsSettingsService settings;
    private final TransferService transfers;
    private final Tenants tenants;
    private final Duration tolerance;

    DfnsWebhookService(DfnsSettingsService settings, TransferService transfers, Tenants tenants, WalletConfig config) {
        this.settings = settings;
        this.transfers = transfers;
        this.tenants = tenants;
        this.tolerance = config.dfns().webhookTolerance();
    }

    /**
     * Verifies and applies a webhook sent to the organization {@code org} (its id or its slug). During a
     * secret rotation two secrets are active: a signature by either is accepted.
     */
    public void receive(String org, String signatureHeader, byte[] rawBody) {
        String orgId = tenants.orgIdOf(org);
        List<String> secrets = settings.forOrg(orgId)
                .map(DfnsSettingsService.OrgDfns::webhookSecrets)
                .filter(active -> !active.isEmpty())
                .orElseThrow(() -> ProblemException.notFound("Dfns webhook endpoint"));
        if (secrets.stream().noneMatch(secret -> signatureMatches(secret, signatureHeader, rawBody))) {
            throw new ProblemException(
                    401, "invalid-signature", "Invalid signature", "X-DFNS-WEBHOOK-SIGNATURE does not match the body.");
        }
        DfnsWebhookEvent event = DfnsWebhookEvent.parse(rawBody);
        long age = Math.abs(Instant.now().getEpochSecond() - event.timestampSent());
        if (event.timestampSent() <= 0 || age > tolerance.toSeconds()) {
            throw ProblemException.badRequest(
                    "stale-webhook", "timestampSent is more than " + tolerance.toSeconds() + " s away from now.");
        }
        event.transfer().ifPresent(transfer -> transfers.applyProviderStatus(orgId, transfer));
    }

    static boolean signatureMatches(String secret, String header, byte[] body) {
        if (header == null || !header.startsWith("sha256=")) {
            return false;
        }
        byte[] expected = hmac(secret, body);
        byte[] given;
        try {
            given = HexFormat.of()
                    .parseHex(header.substring("sha256=".length()).trim().toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
