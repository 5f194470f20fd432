package dev.attest.compliance.service;

import dev.attest.common.alerts.CredentialsRejectedAlerts;
import dev.attest.compliance.client.PersonaKycProvider;
import dev.attest.compliance.provider.ConnectionCheck;
import dev.attest.compliance.provider.KycProvider;
import dev.attest.compliance.provider.KycProviders;
import dev.attest.compliance.provider.ProviderCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Checks an organization's Persona settings and says plainly what fails: the API key against Persona
 * itself, and the webhook secrets against a signed sample (a real delivery the admin pastes, or one
 * signed here with each secret, which proves the secrets are set and usable). The key's check answers only a
 * classified result with a fixed sentence: never Persona's words, headers or status.
 */
@ApplicationScoped
public class PersonaSettingsCheck {
    private static final String NOT_CONFIGURED = "not-configured";

    private final PersonaSettingsService settings;
    private final KycProviders providers;
    private final CredentialsRejectedAlerts alerts;

    PersonaSettingsCheck(PersonaSettingsService settings, KycProviders providers, CredentialsRejectedAlerts alerts) {
        this.settings = settings;
        this.providers = providers;
        this.alerts = alerts;
    }

    public record Sample(String signature, String payload) {}

    /**
     * @param result {@code ok}, {@code not-configured}, for the key {@code unauthorized}, {@code unreachable},
     *     {@code unexpected-answer}, for the secrets {@code signature-mismatch}
     * @param detail a fixed sentence for the result
     */
    public record Check(boolean ok, String result, String detail) {}

    public record Report(Check apiKey, Check webhookSecret) {}

    public Report run(String orgId, Optional<Sample> sample) {
        Optional<PersonaSettingsService.OrgPersona> persona = settings.of(orgId);
        return new Report(
                checkKey(orgId, persona),
                checkSecrets(
                        persona.map(PersonaSettingsService.OrgPersona::webhookSecrets)
                                .orElse(List.of()),
                        sample));
    }

    private Check checkKey(String orgId, Optional<PersonaSettingsService.OrgPersona> persona) {
        Optional<String> key = persona.flatMap(PersonaSettingsService.OrgPersona::apiKey);
        if (key.isEmpty()) {
            return new Check(false, NOT_CONFIGURED, "No API key is set.");
        }
        KycProvider provider = providers.named(PersonaKycProvider.NAME);
        ConnectionCheck check = provider.checkConnection(new ProviderCredentials(key.get(), null));
        if (check.outcome() == ConnectionCheck.Outcome.UNAUTHORIZED) {
            alerts.rejected(orgId, provider.name(), "check-credentials", check.status());
        }
        String result = check.outcome().wire();
        return switch (check.outcome()) {
            case OK -> new Check(true, result, "Persona accepted the API key.");
            case UNAUTHORIZED -> new Check(false, result, "Persona refused the API key.");
            case UNREACHABLE -> new Check(
                    false, result, "Persona could not be reached or is failing; try again later.");
            case UNEXPECTED_ANSWER -> new Check(false, result, "The answer was not the one Persona gives.");
        };
    }

    private static Check checkSecrets(List<String> secrets, Optional<Sample> sample) {
        if (secrets.isEmpty()) {
            return new Check(false, NOT_CONFIGURED, "No webhook secret is set.");
        }
        if (sample.isPresent()) {
            // A pasted delivery may be old: its own timestamp is the reference, so only the secret is tested.
            byte[] body = sample.get().payload().getBytes(StandardCharsets.UTF_8);
            PersonaSignature.Outcome outcome = PersonaSignature.verify(
                    sample.get().signature(), body, secrets, Instant.now(), Duration.ofDays(3650));
            return outcome == PersonaSignature.Outcome.VALID
                    ? new Check(true, "ok", "The sample's signature matches a configured webhook secret.")
                    : new Check(false, "signature-mismatch", "The sample does not verify: " + outcome.detail() + ".");
        }
        byte[] body = "{\"data\":{\"type\":\"event\",\"id\":\"evt_attest_check\"}}".getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        for (String secret : secrets) {
            String header = "t=" + now + ",v1=" + PersonaSignature.sign(secret, now, body);
            if (PersonaSignature.verify(header, body, List.of(secret), Instant.now(), Duration.ofMinutes(5))
                    != PersonaSignature.Outcome.VALID) {
                return new Check(
                        false, "signature-mismatch", "A configured webhook secret cannot verify a signed sample.");
            }
        }
        return new Check(true, "ok", secrets.size() + " webhook secret(s) set; a signed sample verifies.");
    }
}
