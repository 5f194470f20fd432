package dev.attest.compliance.service;

import dev.attest.common.crypto.SecretCipher;
import dev.attest.common.problem.ProblemException;
import dev.attest.compliance.PersonaSettings;
import dev.attest.compliance.config.ComplianceConfig;
import dev.attest.compliance.provider.ProviderCredentials;
import dev.attest.compliance.provider.ProviderSettings;
import dev.attest.compliance.repository.PersonaSettingsRepository;
import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Each organization's Persona settings: stored sealed, opened only to call Persona or check a webhook.
 * The default organization (the local stack's) may instead take them from configuration.
 */
@ApplicationScoped
public class PersonaSettingsService implements ProviderSettings {
    static final String WEBHOOK_SECRETS_CACHE = "persona-webhook-secrets";

    private final PersonaSettingsRepository settings;
    private final SealedProviderSettings sealed;
    private final ComplianceConfig.Persona config;
    private final OrganizationNames names;

    PersonaSettingsService(
            PersonaSettingsRepository settings, SecretCipher cipher, ComplianceConfig config, OrganizationNames names) {
        this.settings = settings;
        this.sealed = new SealedProviderSettings(cipher, "persona");
        this.config = config.persona();
        this.names = names;
    }

    /** An organization's settings, opened. */
    public record OrgPersona(
            Optional<String> apiKey,
            Optional<String> inquiryTemplateId,
            String environment,
            List<String> webhookSecrets,
            List<String> requiredSteps,
            boolean fromConfiguration,
            Optional<String> kybInquiryTemplateId) {}

    /** What is to change; an absent field keeps its value, so a form can omit the secrets it does not rotate. */
    public record Change(
            Optional<String> apiKey,
            Optional<String> inquiryTemplateId,
            Optional<String> environment,
            Optional<List<String>> webhookSecrets,
            Optional<List<String>> requiredSteps,
            Optional<String> kybInquiryTemplateId) {}

    @Transactional
    public Optional<OrgPersona> of(String orgId) {
        Optional<PersonaSettings> stored = settings.findByIdOptional(orgId);
        if (stored.isPresent()) {
            return stored.map(row -> open(orgId, row));
        }
        if (names.isDefault(orgId)) {
            return Optional.of(new OrgPersona(
                    config.apiKey(),
                    config.inquiryTemplateId(),
                    "sandbox",
                    config.webhookSecrets().orElse(List.of()),
                    List.of(),
                    true,
                    Optional.empty()));
        }
        return Optional.empty();
    }

    @Override
    public String provider() {
        return "persona";
    }

    /** The credentials to call Persona for {@code orgId}; a clear problem when the organization has none. */
    @Override
    public ProviderCredentials credentials(String orgId) {
        OrgPersona persona = of(orgId).orElseThrow(PersonaSettingsService::notConfigured);
        if (persona.apiKey().isEmpty() || persona.inquiryTemplateId().isEmpty()) {
            throw notConfigured();
        }
        return new ProviderCredentials(
                persona.apiKey().get(), persona.inquiryTemplateId().get());
    }

    /** The same key with the organization's KYB inquiry template; 409 {@code kyb-not-configured} without one. */
    @Override
    public List<String> requiredSteps(String orgId) {
        return of(orgId).map(OrgPersona::requiredSteps).orElse(List.of());
    }

    @Override
    public ProviderCredentials businessCredentials(String orgId) {
        OrgPersona persona = of(orgId).orElseThrow(PersonaSettingsService::notConfigured);
        if (persona.apiKey().isEmpty()) {
            throw notConfigured();
        }
        String template = persona.kybInquiryTemplateId()
                .orElseThrow(() -> new ProblemException(
                        409,
                        "kyb-not-configured",
                        "Business verification is not configured",
                        "This organization has no KYB inquiry template yet; an org admin sets it."));
        return new ProviderCredentials(persona.apiKey().get(), template);
    }

    /**
     * The secrets a webhook of {@code orgId} may be signed with. Asked for every webhook, so kept for {@code
     * quarkus.cache.caffeine.persona-webhook-secrets.expire-after-write} (10 s) instead of read and decrypted each
     * time; this instance's own changes replace them at once, another instance's within that time (a rotation
     * keeps the previous secret valid meanwhile).
     */
    @CacheResult(cacheName = WEBHOOK_SECRETS_CACHE)
    public List<String> webhookSecrets(String orgId) {
        return of(orgId).map(OrgPersona::webhookSecrets).orElse(List.of());
    }

    @jakarta.inject.Inject
    dev.attest.common.audit.AuditTrail audit;

    @Transactional
    @CacheInvalidate(cacheName = WEBHOOK_SECRETS_CACHE)
    public OrgPersona update(@CacheKey String orgId, Change change, String actor) {
        PersonaSettings row = settings.findByIdOptional(orgId).orElseGet(() -> {
            PersonaSettings fresh = new PersonaSettings();
            fresh.orgId = orgId;
            fresh.environment = "sandbox";
            return fresh;
        });
        Audited before = row.updatedAt == null ? null : Audited.of(row);
        change.apiKey().ifPresent(key -> row.apiKeyEnc = sealed.seal(orgId, "api-key", key));
        change.inquiryTemplateId().ifPresent(template -> row.inquiryTemplateId = template);
        change.kybInquiryTemplateId().ifPresent(template -> row.kybInquiryTemplateId = template);
        change.environment().ifPresent(environment -> row.environment = environment);
        change.webhookSecrets().ifPresent(secrets -> {
            row.webhookSecretEnc = sealed.sealCurrentWebhookSecret(orgId, secrets);
            row.webhookSecretPreviousEnc = sealed.sealPreviousWebhookSecret(orgId, secrets);
        });
        change.requiredSteps().ifPresent(kinds -> row.requiredSteps = SealedProviderSettings.storedSteps(kinds));
        row.updatedAt = OffsetDateTime.now();
        row.updatedBy = actor;
        settings.persist(row);
        settings.flush(); // the row before the audit chain's head (docs/audit.md)
        audit.record(dev.attest.common.audit.AuditEntry.of(
                        before == null ? "persona-settings.created" : "persona-settings.updated",
                        orgId,
                        "persona-settings",
                        orgId)
                .withChanges(dev.attest.common.audit.AuditChanges.of(
                        before, Audited.of(row), "api_key", "webhook_secret", "previous_webhook_secret")));
        return open(orgId, row);
    }

    /** The settings as the audit trail records them: the sealed secrets are masked there, never kept. */
    record Audited(
            String environment,
            String inquiryTemplateId,
            String kybInquiryTemplateId,
            String requiredSteps,
            String apiKey,
            String webhookSecret,
            String previousWebhookSecret) {
        static Audited of(PersonaSettings row) {
            return new Audited(
                    row.environment,
                    row.inquiryTemplateId,
                    row.kybInquiryTemplateId,
                    row.requiredSteps,
                    row.apiKeyEnc,
                    row.webhookSecretEnc,
                    row.webhookSecretPreviousEnc);
        }
    }

    private OrgPersona open(String orgId, PersonaSettings row) {
        return new OrgPersona(
                sealed.open(orgId, "api-key", row.apiKeyEnc),
                Optional.ofNullable(row.inquiryTemplateId),
                row.environment,
                sealed.openWebhookSecrets(orgId, row.webhookSecretEnc, row.webhookSecretPreviousEnc),
                SealedProviderSettings.steps(row.requiredSteps),
                false,
                Optional.ofNullable(row.kybInquiryTemplateId));
    }

    /** Binds a sealed secret to its organization and field: copied elsewhere, it does not open. */
    static String context(String orgId, String field) {
        return SealedProviderSettings.context("persona", orgId, field);
    }

    private static ProblemException notConfigured() {
        return new ProblemException(
                409,
                "persona-not-configured",
                "Persona is not configured",
                "This organization has no Persona API key and inquiry template yet; an org admin sets them.");
    }
}
