package dev.attest.compliance.service;

import dev.attest.common.crypto.SecretCipher;
import dev.attest.common.problem.ProblemException;
import dev.attest.compliance.SumsubSettings;
import dev.attest.compliance.client.SumsubKycProvider;
import dev.attest.compliance.client.SumsubSigning;
import dev.attest.compliance.config.ComplianceConfig;
import dev.attest.compliance.provider.ProviderCredentials;
import dev.attest.compliance.provider.ProviderSettings;
import dev.attest.compliance.repository.SumsubSettingsRepository;
import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Each organization's Sumsub settings: stored sealed, opened only to call Sumsub or check a webhook. The default
 * organization (the local stack's, {@code persona.default-org-id}) may instead take them from configuration.
 */
@ApplicationScoped
public class SumsubSettingsService implements ProviderSettings {
    static final String WEBHOOK_SECRETS_CACHE = "sumsub-webhook-secrets";

    private final SumsubSettingsRepository settings;
    private final SealedProviderSettings sealed;
    private final ComplianceConfig.Sumsub config;
    private final OrganizationNames names;

    SumsubSettingsService(
            SumsubSettingsRepository settings, SecretCipher cipher, ComplianceConfig config, OrganizationNames names) {
        this.settings = settings;
        this.sealed = new SealedProviderSettings(cipher, SumsubKycProvider.NAME);
        this.config = config.sumsub();
        this.names = names;
    }

    /** An organization's settings, opened. */
    public record OrgSumsub(
            Optional<String> appToken,
            Optional<String> secretKey,
            Optional<String> levelName,
            Optional<String> kybLevelName,
            List<String> webhookSecrets,
            String digestAlg,
            List<String> requiredSteps,
            boolean fromConfiguration) {}

    /** What is to change; an absent field keeps its value. */
    public record Change(
            Optional<String> appToken,
            Optional<String> secretKey,
            Optional<String> levelName,
            Optional<String> kybLevelName,
            Optional<List<String>> webhookSecrets,
            Optional<String> digestAlg,
            Optional<List<String>> requiredSteps) {}

    @Override
    public List<String> requiredSteps(String orgId) {
        return of(orgId).map(OrgSumsub::requiredSteps).orElse(List.of());
    }

    @Transactional
    public Optional<OrgSumsub> of(String orgId) {
        Optional<SumsubSettings> stored = settings.findByIdOptional(orgId);
        if (stored.isPresent()) {
            return stored.map(row -> open(orgId, row));
        }
        if (names.isDefault(orgId) && config.appToken().isPresent()) {
            return Optional.of(new OrgSumsub(
                    config.appToken(),
                    config.secretKey(),
                    config.levelName(),
                    config.kybLevelName(),
                    config.webhookSecrets().orElse(List.of()),
                    SumsubSigning.DigestAlg.HMAC_SHA256_HEX.name(),
                    List.of(),
                    true));
        }
        return Optional.empty();
    }

    @Override
    public String provider() {
        return SumsubKycProvider.NAME;
    }

    /** App token, secret key and level; 409 {@code sumsub-not-configured} without them. */
    @Override
    public ProviderCredentials credentials(String orgId) {
        OrgSumsub sumsub = of(orgId).orElseThrow(SumsubSettingsService::notConfigured);
        if (sumsub.appToken().isEmpty()
                || sumsub.secretKey().isEmpty()
                || sumsub.levelName().isEmpty()) {
            throw notConfigured();
        }
        return new ProviderCredentials(
                sumsub.appToken().get(), sumsub.secretKey(), sumsub.levelName().get());
    }

    /** The same app, the KYB level as the template; 409 {@code kyb-not-configured} without a KYB level. */
    @Override
    public ProviderCredentials businessCredentials(String orgId) {
        ProviderCredentials individual = credentials(orgId);
        String kybLevel = of(orgId)
                .flatMap(OrgSumsub::kybLevelName)
                .orElseThrow(() -> new ProblemException(
                        409,
                        "kyb-not-configured",
                        "Business verification is not configured",
                        "This organization has no Sumsub KYB level yet; an org admin sets it."));
        return new ProviderCredentials(individual.apiKey(), individual.signingSecret(), kybLevel);
    }

    /**
     * The secrets a webhook of {@code orgId} may be digested with; cached for {@code
     * quarkus.cache.caffeine.sumsub-webhook-secrets.expire-after-write}, as Persona's.
     */
    @CacheResult(cacheName = WEBHOOK_SECRETS_CACHE)
    public List<String> webhookSecrets(String orgId) {
        return of(orgId).map(OrgSumsub::webhookSecrets).orElse(List.of());
    }

    @jakarta.inject.Inject
    dev.attest.common.audit.AuditTrail audit;

    @Transactional
    @CacheInvalidate(cacheName = WEBHOOK_SECRETS_CACHE)
    public OrgSumsub update(@CacheKey String orgId, Change change, String actor) {
        SumsubSettings row = settings.findByIdOptional(orgId).orElseGet(() -> {
            SumsubSettings fresh = new SumsubSettings();
            fresh.orgId = orgId;
            fresh.digestAlg = SumsubSigning.DigestAlg.HMAC_SHA256_HEX.name();
            return fresh;
        });
        Audited before = row.updatedAt == null ? null : Audited.of(row);
        change.appToken().ifPresent(token -> row.appTokenEnc = sealed.seal(orgId, "app-token", token));
        change.secretKey().ifPresent(key -> row.secretKeyEnc = sealed.seal(orgId, "secret-key", key));
        change.levelName().ifPresent(level -> row.levelName = level);
        change.kybLevelName().ifPresent(level -> row.kybLevelName = level);
        change.webhookSecrets().ifPresent(secrets -> {
            row.webhookSecretEnc = sealed.sealCurrentWebhookSecret(orgId, secrets);
            row.webhookSecretPreviousEnc = sealed.sealPreviousWebhookSecret(orgId, secrets);
        });
        change.digestAlg().ifPresent(alg -> row.digestAlg = alg);
        change.requiredSteps().ifPresent(kinds -> row.requiredSteps = SealedProviderSettings.storedSteps(kinds));
        row.updatedAt = OffsetDateTime.now();
        row.updatedBy = actor;
        settings.persist(row);
        settings.flush(); // the row before the audit chain's head (docs/audit.md)
        audit.record(dev.attest.common.audit.AuditEntry.of(
                        before == null ? "sumsub-settings.created" : "sumsub-settings.updated",
                        orgId,
                        "sumsub-settings",
                        orgId)
                .withChanges(dev.attest.common.audit.AuditChanges.of(
                        before,
                        Audited.of(row),
                        "app_token",
                        "secret_key",
                        "webhook_secret",
                        "previous_webhook_secret")));
        return open(orgId, row);
    }

    /** The settings as the audit trail records them: the sealed secrets are masked there, never kept. */
    record Audited(
            String levelName,
            String kybLevelName,
            String digestAlg,
            String requiredSteps,
            String appToken,
            String secretKey,
            String webhookSecret,
            String previousWebhookSecret) {
        static Audited of(SumsubSettings row) {
            return new Audited(
                    row.levelName,
                    row.kybLevelName,
                    row.digestAlg,
                    row.requiredSteps,
                    row.appTokenEnc,
                    row.secretKeyEnc,
                    row.webhookSecretEnc,
                    row.webhookSecretPreviousEnc);
        }
    }

    private OrgSumsub open(String orgId, SumsubSettings row) {
        return new OrgSumsub(
                sealed.open(orgId, "app-token", row.appTokenEnc),
                sealed.open(orgId, "secret-key", row.secretKeyEnc),
                Optional.ofNullable(row.levelName),
                Optional.ofNullable(row.kybLevelName),
                sealed.openWebhookSecrets(orgId, row.webhookSecretEnc, row.webhookSecretPreviousEnc),
                row.digestAlg,
                SealedProviderSettings.steps(row.requiredSteps),
                false);
    }

    /** Binds a sealed secret to its organization and field: copied elsewhere, it does not open. */
    static String context(String orgId, String field) {
        return SealedProviderSettings.context(SumsubKycProvider.NAME, orgId, field);
    }

    private static ProblemException notConfigured() {
        return new ProblemException(
                409,
                "sumsub-not-configured",
                "Sumsub is not configured",
                "This organization has no Sumsub app token, secret key and level yet; an org admin sets them.");
    }
}
