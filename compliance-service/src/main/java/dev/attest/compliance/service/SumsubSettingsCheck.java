package dev.attest.compliance.service;

import dev.attest.compliance.client.SumsubKycProvider;
import dev.attest.compliance.client.SumsubSigning;
import dev.attest.compliance.provider.ProviderCredentials;
import dev.attest.compliance.service.PersonaSettingsCheck.Check;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks an organization's Sumsub settings as Persona's are checked (the shared {@link ProviderTestConnection}: the same
 * classes and the same kind of fixed sentences, never Sumsub's words): the app token and secret key with one signed call, and the
 * webhook secrets against a real delivery the admin pastes ({@code payload}, {@code X-Payload-Digest} and its
 * algorithm), or against a sample digested here with each secret.
 */
@ApplicationScoped
public class SumsubSettingsCheck {
    private static final ProviderTestConnection.Wording WORDING = new ProviderTestConnection.Wording(
            "Sumsub",
            "Sumsub accepted the app token and secret key.",
            "Sumsub refused the app token or secret key.",
            "digest",
            "a sample",
            "a digested sample verifies");

    private final SumsubSettingsService settings;
    private final ProviderTestConnection test;

    SumsubSettingsCheck(SumsubSettingsService settings, ProviderTestConnection test) {
        this.settings = settings;
        this.test = test;
    }

    /** A real delivery: its raw body, {@code X-Payload-Digest}, and {@code X-Payload-Digest-Alg} (SHA-256 if absent). */
    public record Sample(String payload, String digest, String digestAlg) {}

    public record Report(Check appToken, Check webhookSecret) {}

    public Report run(String orgId, Optional<Sample> sample) {
        Optional<SumsubSettingsService.OrgSumsub> sumsub = settings.of(orgId);
        return new Report(
                checkApp(orgId, sumsub),
                checkSecrets(
                        sumsub.map(SumsubSettingsService.OrgSumsub::webhookSecrets)
                                .orElse(List.of()),
                        sample));
    }

    private Check checkApp(String orgId, Optional<SumsubSettingsService.OrgSumsub> sumsub) {
        Optional<String> token = sumsub.flatMap(SumsubSettingsService.OrgSumsub::appToken);
        Optional<String> secret = sumsub.flatMap(SumsubSettingsService.OrgSumsub::secretKey);
        if (token.isEmpty() || secret.isEmpty()) {
            return new Check(false, ProviderTestConnection.NOT_CONFIGURED, "No app token and secret key are set.");
        }
        return test.credentials(
                orgId, SumsubKycProvider.NAME, new ProviderCredentials(token.get(), secret, ""), WORDING);
    }

    private static Check checkSecrets(List<String> secrets, Optional<Sample> sample) {
        Optional<Supplier<String>> sampleFailure = sample.map(pasted -> () -> {
            byte[] body = pasted.payload().getBytes(StandardCharsets.UTF_8);
            SumsubSigning.Outcome outcome = SumsubSigning.verify(pasted.digest(), pasted.digestAlg(), body, secrets);
            return outcome == SumsubSigning.Outcome.VALID ? null : outcome.detail();
        });
        byte[] body =
                "{\"type\":\"applicantCreated\",\"applicantId\":\"attest-check\"}".getBytes(StandardCharsets.UTF_8);
        return ProviderTestConnection.secrets(
                secrets,
                sampleFailure,
                secret -> SumsubSigning.verify(
                                SumsubSigning.DigestAlg.HMAC_SHA256_HEX.digest(secret, body),
                                null,
                                body,
                                List.of(secret))
                        == SumsubSigning.Outcome.VALID,
                WORDING);
    }
}
