package dev.attest.compliance.service;

import dev.attest.common.alerts.CredentialsRejectedAlerts;
import dev.attest.compliance.provider.KycProvider;
import dev.attest.compliance.provider.KycProviderException;
import dev.attest.compliance.provider.KycProviders;
import dev.attest.compliance.provider.ProviderCredentials;
import dev.attest.compliance.provider.ProviderInquiry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.BiFunction;

/** A reviewer's decision told to the provider, for KYC and business cases alike, watched for refused credentials. */
@ApplicationScoped
public class ProviderDecisions {
    private final KycProviders providers;
    private final CredentialsRejectedAlerts alerts;

    ProviderDecisions(KycProviders providers, CredentialsRejectedAlerts alerts) {
        this.providers = providers;
        this.alerts = alerts;
    }

    /**
     * Tells {@code provider} to approve or decline {@code reference}, with {@code credentials} (by provider and
     * organization) and the idempotency key {@code <keyPrefix><caseId>-approve|-decline}. The caller holds the case's
     * lock, so a webhook arriving meanwhile waits and then finds the decision newer than itself; a provider failure is
     * its problem ({@link ProviderProblems}) and changes nothing.
     *
     * @return what the provider shows after the decision
     */
    public ProviderInquiry decide(
            String orgId,
            String provider,
            BiFunction<String, String, ProviderCredentials> credentials,
            String reference,
            boolean approve,
            String keyPrefix,
            UUID caseId) {
        try {
            KycProvider named = providers.named(provider);
            ProviderCredentials asked = credentials.apply(provider, orgId);
            return alerts.watching(
                    orgId,
                    named.name(),
                    approve ? "approve-inquiry" : "decline-inquiry",
                    () -> named.decide(
                            asked, reference, approve, keyPrefix + caseId + (approve ? "-approve" : "-decline")));
        } catch (KycProviderException e) {
            throw ProviderProblems.of(e);
        }
    }
}
