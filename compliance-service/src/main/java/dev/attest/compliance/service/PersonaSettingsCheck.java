package dev.attest.compliance.service;

import dev.attest.compliance.client.PersonaKycProvider;
import dev.attest.compliance.provider.KycProvider;
import dev.attest.compliance.provider.KycProviderException;
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
 * signed here with each secret, which proves the secrets are set and usable).
 */
@ApplicationScoped
public class PersonaSettingsCheck {
    private final PersonaSettingsService settings;
    private final KycProviders providers;
    private final CredentialsRejectedAlerts alerts;

    PersonaSettingsCheck(PersonaSettingsService settings, KycProviders providers, CredentialsRejectedAlerts alerts) {
        this.settings = settings;
        this.providers = providers;
        this.alerts = alerts;
    }

    public record Sample(String signature, String payload) {}

    public record Check(boolean ok, String detail) {}

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
            return new Check(false, "No API key is set.");
        }
        try {
            KycProvider provider = providers.named(PersonaKycProvider.NAME);
            alerts.watching(orgId, provider.name(), "check-credentials", () -> {
                provider.checkCredentials(new ProviderCredentials(key.get(), null));
                return true;
            });
            return new Check(true, "Persona accepted the API key.");
        } catch (KycProviderException e) {
            return switch (e.kind()) {
                case UNAUTHORIZED -> new Check(false, "Persona refused the API key (HTTP " + e.status() + ").");
                case UNAVAILABLE -> new Check(false, "Persona could not be reached or is failing; try again later.");
                case REJECTED -> new Check(false, "Persona refused the check request (HTTP " + e.status() + ").");
            };
        }
    }

    private static Check checkSecrets(List<String> secrets, Optional<Sample> sample) {
        if (secrets.isEmpty()) {
            return new Check(false, "No webhook secret is set.");
        }
        if (sample.isPresent()) {
            // A pasted delivery may be old: its own timestamp is the reference, so only the secret is tested.
            byte[] body = sample.get().payload().getBytes(StandardCharsets.UTF_8);
            PersonaSignature.Outcome outcome = PersonaSignature.verify(
                    sample.get().signature(), body, secrets, Instant.now(), Duration.ofDays(3650));
            return outcome == PersonaSignature.Outcome.VALID
                    ? new Check(true, "The sample's signature matches a configured webhook secret.")
                    : new Check(false, "The sample does not verify: " + outcome.detail() + ".");
        }
        byte[] body = "{\"data\":{\"type\":\"event\",\"id\":\"evt_attest_check\"}}".getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        for (String secret : secrets) {
            String header = "t=" + now + ",v1=" + PersonaSignature.sign(secret, now, body);
            if (PersonaSignature.verify(header, body, List.of(secret), Instant.now(), Duration.ofMinutes(5))
                    != PersonaSignature.Outcome.VALID) {
                return new Check(false, "A configured webhook secret cannot verify a signed sample.");
            }
        }
        return new Check(true, secrets.size() + " webhook secret(s) set; a signed sample verifies.");
    }
}
