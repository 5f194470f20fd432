package dev.attest.compliance.service;

import dev.attest.compliance.client.PersonaKycProvider;
import dev.attest.compliance.provider.ProviderCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks an organization's Persona settings and says plainly what fails: the API key against Persona
 * itself, and the webhook secrets against a signed sample (a real delivery the admin pastes, or one
 * signed here with each secret, which proves the secrets are set and usable). The key's check answers only a
 * classified result with a fixed sentence: never Persona's words, headers or status (the classification and the
 * sentences are the shared {@link ProviderTestConnection}'s).
 */
@ApplicationScoped
public class PersonaSettingsCheck {
    private static final ProviderTestConnection.Wording WORDING = new ProviderTestConnection.Wording(
            "Persona",
            "Persona accepted the API key.",
            "Persona refused the API key.",
            "signature",
            "a signed sample",
            "a signed sample verifies");

    private final PersonaSettingsService settings;
    private final ProviderTestConnection test;

    PersonaSettingsCheck(PersonaSettingsService settings, ProviderTestConnection test) {
        this.settings = settings;
        this.test = test;
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
            return new Check(false, ProviderTestConnection.NOT_CONFIGURED, "No API key is set.");
        }
        return test.credentials(orgId, PersonaKycProvider.NAME, new ProviderCredentials(key.get(), null), WORDING);
    }

    private static Check checkSecrets(List<String> secrets, Optional<Sample> sample) {
        // A pasted delivery may be old: its own timestamp is the reference, so only the secret is tested.
        Optional<Supplier<String>> sampleFailure = sample.map(pasted -> () -> {
            byte[] body = pasted.payload().getBytes(StandardCharsets.UTF_8);
            PersonaSignature.Outcome outcome =
                    PersonaSignature.verify(pasted.signature(), body, secrets, Instant.now(), Duration.ofDays(3650));
            return outcome == PersonaSignature.Outcome.VALID ? null : outcome.detail();
        });
        byte[] body = "{\"data\":{\"type\":\"event\",\"id\":\"evt_attest_check\"}}".getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        return ProviderTestConnection.secrets(
                secrets,
                sampleFailure,
                secret -> PersonaSignature.verify(
                                "t=" + now + ",v1=" + PersonaSignature.sign(secret, now, body),
                                body,
                                List.of(secret),
                                Instant.now(),
                                Duration.ofMinutes(5))
                        == PersonaSignature.Outcome.VALID,
                WORDING);
    }
}
