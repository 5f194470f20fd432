package dev.attest.compliance.service;

import dev.attest.common.alerts.CredentialsRejectedAlerts;
import dev.attest.compliance.provider.ConnectionCheck;
import dev.attest.compliance.provider.KycProvider;
import dev.attest.compliance.provider.KycProviders;
import dev.attest.compliance.provider.ProviderCredentials;
import dev.attest.compliance.service.PersonaSettingsCheck.Check;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Test Connection's part that is the same for every provider: the credentials' one classified call (alerting the
 * organization's admins on a refusal) and the webhook secrets' outcomes, each answered with a fixed sentence, never the
 * provider's words, headers or status.
 */
@ApplicationScoped
class ProviderTestConnection {
    static final String NOT_CONFIGURED = "not-configured";

    private final KycProviders providers;
    private final CredentialsRejectedAlerts alerts;

    ProviderTestConnection(KycProviders providers, CredentialsRejectedAlerts alerts) {
        this.providers = providers;
        this.alerts = alerts;
    }

    /**
     * How a provider's results read: its name ({@code Persona}), the sentences for its credentials accepted and
     * refused, and for its webhooks what a sample carries ({@code signature}), a sample made here ({@code a signed
     * sample}) and that sample verifying ({@code a signed sample verifies}).
     */
    record Wording(
            String provider,
            String accepted,
            String refused,
            String sampleProof,
            String madeSample,
            String madeSampleVerifies) {}

    /** The provider named {@code providerName} asked once with {@code credentials}, classified. */
    Check credentials(String orgId, String providerName, ProviderCredentials credentials, Wording wording) {
        KycProvider provider = providers.named(providerName);
        ConnectionCheck check = provider.checkConnection(credentials);
        if (check.outcome() == ConnectionCheck.Outcome.UNAUTHORIZED) {
            alerts.rejected(orgId, provider.name(), "check-credentials", check.status());
        }
        String result = check.outcome().wire();
        return switch (check.outcome()) {
            case OK -> new Check(true, result, wording.accepted());
            case UNAUTHORIZED -> new Check(false, result, wording.refused());
            case UNREACHABLE -> new Check(
                    false, result, wording.provider() + " could not be reached or is failing; try again later.");
            case UNEXPECTED_ANSWER -> new Check(
                    false, result, "The answer was not the one " + wording.provider() + " gives.");
        };
    }

    /**
     * The webhook secrets: none set; a pasted sample's verification ({@code sampleFailure} gives null when it verifies,
     * else what failed); or, without a sample, each secret verifying a sample made here with it.
     */
    static Check secrets(
            List<String> secrets,
            Optional<Supplier<String>> sampleFailure,
            Predicate<String> verifiesMadeSample,
            Wording wording) {
        if (secrets.isEmpty()) {
            return new Check(false, NOT_CONFIGURED, "No webhook secret is set.");
        }
        if (sampleFailure.isPresent()) {
            String failure = sampleFailure.get().get();
            return failure == null
                    ? new Check(
                            true,
                            "ok",
                            "The sample's " + wording.sampleProof() + " matches a configured webhook secret.")
                    : new Check(false, "signature-mismatch", "The sample does not verify: " + failure + ".");
        }
        for (String secret : secrets) {
            if (!verifiesMadeSample.test(secret)) {
                return new Check(
                        false,
                        "signature-mismatch",
                        "A configured webhook secret cannot verify " + wording.madeSample() + ".");
            }
        }
        return new Check(true, "ok", secrets.size() + " webhook secret(s) set; " + wording.madeSampleVerifies() + ".");
    }
}
