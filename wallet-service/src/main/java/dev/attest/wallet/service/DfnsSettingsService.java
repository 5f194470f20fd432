package dev.attest.wallet.service;

import dev.attest.common.audit.AuditChanges;
import dev.attest.common.audit.AuditEntry;
import dev.attest.common.audit.AuditTrail;
import dev.attest.common.crypto.SecretCipher;
import dev.attest.common.net.OutboundAddressGuard;
import dev.attest.common.net.RefusedAddressException;
import dev.attest.common.problem.ProblemException;
import dev.attest.common.tenant.Tenants;
import dev.attest.wallet.OrgDfnsSettings;
import dev.attest.wallet.client.CredentialKeys;
import dev.attest.wallet.client.DfnsClient;
import dev.attest.wallet.client.DfnsCredentials;
import dev.attest.wallet.client.DfnsException;
import dev.attest.wallet.client.DfnsUnavailableException;
import dev.attest.wallet.config.WalletConfig;
import dev.attest.wallet.repository.DfnsSettingsRepository;
import dev.attest.wallet.rest.DfnsSettingsRequest;
import dev.attest.wallet.rest.SpendingPolicyRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The organizations' Dfns settings: stored sealed, answered masked, and turned into credentials for the
 * Dfns client. One organization may instead take its credentials from configuration (the local stack).
 */
@ApplicationScoped
public class DfnsSettingsService {

    private final DfnsSettingsRepository settings;
    private final SecretCipher cipher;
    private final DfnsClient dfns;
    private final OutboundAddressGuard guard;
    private final WalletConfig.DefaultOrg defaultOrg;
    private final Tenants tenants;

    /** The secret fields of the settings: masked in the audit trail, before and after. */
    static final String[] SECRET_FIELDS = {"token", "private_key", "webhook_secret", "previous_webhook_secret"};

    @Inject
    AuditTrail audit;

    /**
     * What provisioning and transfers need of an org's settings.
     *
     * @param webhookSecrets the secrets a webhook may be signed with (two during a rotation); empty: no endpoint
     */
    public record OrgDfns(DfnsCredentials credentials, String defaultNetwork, List<String> webhookSecrets) {}

    DfnsSettingsService(
            DfnsSettingsRepository settings,
            SecretCipher cipher,
            DfnsClient dfns,
            OutboundAddressGuard guard,
            Tenants tenants,
            WalletConfig config) {
        this.settings = settings;
        this.cipher = cipher;
        this.dfns = dfns;
        this.guard = guard;
        this.tenants = tenants;
        this.defaultOrg = config.dfns().defaultOrg();
    }

    /**
     * Replaces the org's Dfns settings and, as this call always did, its spending policy (absent parts: none).
     * The policy has its own endpoint ({@link SpendingPolicyService#put}), which needs no secret.
     */
    @Transactional
    public OrgDfnsSettings put(String orgId, DfnsSettingsRequest request, String by) {
        try {
            CredentialKeys.parsePrivateKey(request.privateKey());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-private-key", "private_key: " + e.getMessage());
        }
        // The org's token will be sent there: only to an address the outbound policy allows (no SSRF).
        try {
            guard.check(request.apiBaseUrl());
        } catch (RefusedAddressException e) {
            throw ProblemException.badRequest("api-base-url-refused", "api_base_url: " + e.getMessage());
        }
        OrgDfnsSettings row = settings.findByIdOptional(orgId).orElseGet(OrgDfnsSettings::new);
        boolean isNew = row.orgId == null;
        AuditedSettings before = isNew ? null : AuditedSettings.of(row);
        row.orgId = orgId;
        row.apiBaseUrl = request.apiBaseUrl();
        row.tokenSealed = cipher.encrypt(request.token(), context(orgId, "token"));
        row.credentialId = request.credentialId();
        row.privateKeySealed = cipher.encrypt(request.privateKey(), context(orgId, "private-key"));
        row.appId = request.appId();
        row.defaultNetwork = request.defaultNetwork();
        row.webhookSecretSealed = seal(orgId, "webhook-secret", request.webhookSecret());
        row.previousWebhookSecretSealed = seal(orgId, "previous-webhook-secret", request.previousWebhookSecret());
        row.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        SpendingPolicyService.applyNative(
                row,
                SpendingPolicyRequest.nativeOnly(
                        request.perTransferLimit(), request.dailyLimit(), request.approvalThreshold()),
                by,
                row.updatedAt);
        if (isNew) {
            settings.persist(row);
        }
        // The row is written (and locked) before the audit chain's head, the order every audited action keeps
        // (the spending policy locks this row first too): never the chain first and this row at commit.
        settings.flush();
        audit.record(
                AuditEntry.of(isNew ? "dfns-settings.created" : "dfns-settings.updated", orgId, "dfns-settings", orgId)
                        .withChanges(AuditChanges.of(before, AuditedSettings.of(row), SECRET_FIELDS)));
        return row;
    }

    @Transactional
    public OrgDfnsSettings get(String orgId) {
        return settings.findByIdOptional(orgId)
                .orElseThrow(() -> ProblemException.notFound("Dfns settings of this organization"));
    }

    /** The org's Dfns settings, opened: from the database, or from configuration for the default org. */
    @Transactional
    public Optional<OrgDfns> forOrg(String orgId) {
        Optional<OrgDfnsSettings> stored = settings.findByIdOptional(orgId);
        if (stored.isPresent()) {
            OrgDfnsSettings row = stored.get();
            return Optional.of(new OrgDfns(
                    new DfnsCredentials(
                            row.apiBaseUrl,
                            cipher.decrypt(row.tokenSealed, context(orgId, "token")),
                            row.credentialId,
                            CredentialKeys.parsePrivateKey(
                                    cipher.decrypt(row.privateKeySealed, context(orgId, "private-key"))),
                            Optional.ofNullable(row.appId),
                            Optional.of(orgId)),
                    row.defaultNetwork,
                    Stream.of(
                                    open(orgId, "webhook-secret", row.webhookSecretSealed),
                                    open(orgId, "previous-webhook-secret", row.previousWebhookSecretSealed))
                            .flatMap(Optional::stream)
                            .toList()));
        }
        return fromConfiguration(orgId);
    }

    /** Whether the org has Dfns settings, stored or (the default org) from configuration; nothing is opened. */
    @Transactional
    public boolean isConfigured(String orgId) {
        return settings.findByIdOptional(orgId).isPresent() || configuredDefaultOrg(orgId);
    }

    /**
     * Proves the token (a wallet listing) and the signing key (an accepted user-action signature); answers
     * the first failure's class in fixed words, never what the target said.
     */
    /**
     * What proving the settings showed; only a classification and fixed sentences, never what the target
     * answered (see the REST view for the values).
     */
    public record CredentialCheck(boolean ok, String token, String signingKey, String result, String detail) {}

    public CredentialCheck check(String orgId) {
        DfnsCredentials credentials = forOrg(orgId)
                .orElseThrow(() -> ProblemException.notFound("Dfns settings of this organization"))
                .credentials();
        try {
            dfns.proveToken(credentials);
        } catch (DfnsException | DfnsUnavailableException e) {
            String result = classify(e);
            return new CredentialCheck(false, "failed", "skipped", result, "token: " + sentence(result, "API token"));
        }
        try {
            dfns.proveSigningKey(credentials);
        } catch (DfnsException | DfnsUnavailableException e) {
            String result = classify(e);
            return new CredentialCheck(
                    false, "ok", "failed", result, "signing key: " + sentence(result, "signed request"));
        }
        return new CredentialCheck(true, "ok", "ok", "ok", null);
    }

    // 401/403: the credentials are refused; any other answer is not Dfns's. No answer at all (or Dfns failing or
    // limiting after the client's retries, or an address the policy refuses, so nothing was sent) is unreachable.
    private static String classify(RuntimeException failure) {
        if (failure instanceof DfnsException refused) {
            return refused.status() == 401 || refused.status() == 403 ? "unauthorized" : "unexpected-answer";
        }
        return "unreachable";
    }

    private static String sentence(String result, String what) {
        return switch (result) {
            case "unauthorized" -> "Dfns refused the " + what + ".";
            case "unreachable" -> "Dfns could not be reached, or is failing; check the API base URL and try again"
                    + " later.";
            default -> "The answer was not the one Dfns gives; check the API base URL.";
        };
    }

    // The configured default organization may be named by id or by slug (the local stack's "demo").
    private Optional<OrgDfns> fromConfiguration(String orgId) {
        if (!configuredDefaultOrg(orgId)) {
            return Optional.empty();
        }
        return Optional.of(new OrgDfns(
                new DfnsCredentials(
                        defaultOrg.apiBaseUrl().get(),
                        defaultOrg.token().get(),
                        defaultOrg.credentialId().get(),
                        CredentialKeys.parsePrivateKey(
                                pemOrFile(defaultOrg.privateKey().get())),
                        Optional.empty(),
                        Optional.of(orgId)),
                defaultOrg.defaultNetwork(),
                defaultOrg.webhookSecret().stream()
                        .flatMap(secrets -> Arrays.stream(secrets.split(",")))
                        .map(String::trim)
                        .filter(secret -> !secret.isEmpty())
                        .toList()));
    }

    private boolean configuredDefaultOrg(String orgId) {
        return defaultOrg
                        .orgId()
                        .filter(configured -> tenants.names(configured, orgId))
                        .isPresent()
                && defaultOrg.apiBaseUrl().isPresent()
                && defaultOrg.token().isPresent()
                && defaultOrg.credentialId().isPresent()
                && defaultOrg.privateKey().isPresent();
    }

    private static String pemOrFile(String value) {
        if (value.contains("-----BEGIN")) {
            return value;
        }
        try {
            return Files.readString(Path.of(value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read attest.wallet.dfns.default-org.private-key", e);
        }
    }

    private String seal(String orgId, String field, String secret) {
        return secret == null || secret.isBlank() ? null : cipher.encrypt(secret, context(orgId, field));
    }

    private Optional<String> open(String orgId, String field, String envelope) {
        return Optional.ofNullable(envelope).map(envelopeText -> cipher.decrypt(envelopeText, context(orgId, field)));
    }

    /**
     * The settings as the audit trail records them: the secrets are the sealed columns, which the trail masks
     * ({@link #SECRET_FIELDS}) like every secret, so that neither a secret nor its envelope is kept there.
     */
    record AuditedSettings(
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
            String approvalThreshold) {
        static AuditedSettings of(OrgDfnsSettings row) {
            return new AuditedSettings(
                    row.apiBaseUrl,
                    row.tokenSealed,
                    row.credentialId,
                    row.privateKeySealed,
                    row.appId,
                    row.defaultNetwork,
                    row.webhookSecretSealed,
                    row.previousWebhookSecretSealed,
                    plain(row.perTransferLimit),
                    plain(row.dailyLimit),
                    plain(row.approvalThreshold));
        }

        private static String plain(java.math.BigDecimal amount) {
            return amount == null ? null : amount.toPlainString();
        }
    }

    static String context(String orgId, String field) {
        return "org:" + orgId + "/dfns." + field;
    }
}
