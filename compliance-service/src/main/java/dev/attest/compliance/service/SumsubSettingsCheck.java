package dev.attest.compliance.service;

import dev.attest.common.alerts.CredentialsRejectedAlerts;
import dev.attest.compliance.client.SumsubKycProvider;
import dev.attest.compliance.client.SumsubSigning;
import dev.attest.compliance.provider.ConnectionCheck;
import dev.attest.compliance.provider.KycProvider;
import dev.attest.compliance.provider.KycProviders;
import dev.attest.compliance.provider.ProviderCredentials;
import dev.attest.compliance.service.PersonaSettingsCheck.Check;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Checks an organization's Sumsub settings as Persona's are checked ({@link PersonaSettingsCheck}: the same classes and
 * the same kind of fixed sentences, never Sumsub's words): the app token and secret key with one signed call, and the
 * webhook secrets against a real delivery the admin pastes ({@code payload}, {@code X-Payload-Digest} and its
 * algorithm), or against a sample digested here with each secret.
 */
@ApplicationScoped
public class SumsubSettingsCheck {
    private static final String NOT_CONFIGURED = "not-configured";

    private final SumsubSettingsService settings;
    private final KycProviders providers;
    private final CredentialsRejectedAlerts alerts;

    SumsubSettingsCheck(SumsubSettingsService settings, KycProviders providers, CredentialsRejectedAlerts alerts) {
        this.settings = settings;
        this.providers = providers;
        this.alerts = alerts;
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
            return new Check(false, NOT_CONFIGURED, "No app token and secret key are set.");
        }
        KycProvider provider = providers.named(SumsubKycProvider.NAME);
        ConnectionCheck check = provider.checkConnection(new ProviderCredentials(token.get(), secret, ""));
        if (check.outcome() == ConnectionCheck.Outcome.UNAUTHORIZED) {
            alerts.rejected(orgId, provider.name(), "check-credentials", check.status());
        }
        String result = check.outcome().wire();
        return switch (check.outcome()) {
            case OK -> new Check(true, result, "Sumsub accepted the app token and secret key.");
            case UNAUTHORIZED -> new Check(false, result, "Sumsub refused the app token or secret key.");
            case UNREACHABLE -> new Check(false, result, "Sumsub could not be reached or is failing; try again later.");
            case UNEXPECTED_ANSWER -> new Check(false, result, "The answer was not the one Sumsub gives.");
        };
    }

    private static Check checkSecrets(List<String> secrets, Optional<Sample> sample) {
        if (secrets.isEmpty()) {
            return new Check(false, NOT_CONFIGURED, "No webhook secret is set.");
        }
        if (sample.isPresent()) {
            byte[] body = sample.get().payload().getBytes(StandardCharsets.UTF_8);
            SumsubSigning.Outcome outcome =
                    SumsubSigning.verify(sample.get().digest(), sample.get().digestAlg(), body, secrets);
            return outcome == SumsubSigning.Outcome.VALID
                    ? new Check(true, "ok", "The sample's digest matches a configured webhook secret.")
                    : new Check(false, "signature-mismatch", "The sample does not verify: " + outcome.detail() + ".");
        }
        byte[] body =
                "{\"type\":\"applicantCreated\",\"applicantId\":\"attest-check\"}".getBytes(StandardCharsets.UTF_8);
        for (String secret : secrets) {
            String digest = SumsubSigning.DigestAlg.HMAC_SHA256_HEX.digest(secret, body);
            if (SumsubSigning.verify(digest, null, body, List.of(secret)) != SumsubSigning.Outcome.VALID) {
                return new Check(false, "signature-mismatch", "A configured webhook secret cannot verify a sample.");
            }
        }
        return new Check(true, "ok", secrets.size() + " webhook secret(s) set; a digested sample verifies.");
    }
}
