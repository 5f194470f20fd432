package dev.attest.compliance.business;

import dev.attest.common.alerts.CredentialsRejectedAlerts;
import dev.attest.common.problem.ProblemException;
import dev.attest.common.work.DurableWork;
import dev.attest.compliance.config.ComplianceConfig;
import dev.attest.compliance.provider.KycProvider;
import dev.attest.compliance.provider.KycProviderException;
import dev.attest.compliance.provider.KycProviders;
import dev.attest.compliance.provider.ProviderCredentials;
import dev.attest.compliance.provider.ProviderInquiry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Catches up with business verifications whose webhooks were lost, as {@code CaseReconciliation} does for KYC cases
 * (and with its {@code reconciliation.*} settings): a waiting one is looked up at its provider and applied through
 * {@link BusinessTransitions#fromVerification}, stamped with the provider's own time, so a state already applied
 * changes nothing. Owners' KYC cases are reconciled as every KYC case, and move their business case as a webhook does.
 */
@ApplicationScoped
public class BusinessReconciliation implements DurableWork {
    public static final String NAME = "business-case-reconciliation";
    private static final Logger LOG = Logger.getLogger(BusinessReconciliation.class);

    private final BusinessCaseRepository cases;
    private final KycProviders providers;
    private final BusinessCredentials credentials;
    private final BusinessTransitions transitions;
    private final CredentialsRejectedAlerts alerts;
    private final ComplianceConfig.Reconciliation config;
    private final Duration futureTolerance;

    BusinessReconciliation(
            BusinessCaseRepository cases,
            KycProviders providers,
            BusinessCredentials credentials,
            BusinessTransitions transitions,
            CredentialsRejectedAlerts alerts,
            ComplianceConfig config) {
        this.cases = cases;
        this.providers = providers;
        this.credentials = credentials;
        this.transitions = transitions;
        this.alerts = alerts;
        this.config = config.reconciliation();
        this.futureTolerance = config.persona().webhookFutureTolerance();
    }

    /** A claimed case: what is needed to ask its provider, outside the claiming transaction. */
    private record Waiting(UUID id, String orgId, String provider, String reference) {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration pollInterval() {
        return config.interval();
    }

    @Override
    public Pass runPass() {
        OffsetDateTime now = OffsetDateTime.now();
        List<Waiting> due = QuarkusTransaction.requiringNew().call(() -> cases
                .claimWaiting(
                        now.minus(config.minAge()),
                        now.minus(config.maxAge()),
                        now.minus(config.recheckAfter()),
                        config.batchSize())
                .stream()
                .map(c -> new Waiting(c.id, c.orgId, c.provider, c.providerReference))
                .toList());
        for (Waiting waiting : due) {
            try {
                reconcile(waiting);
            } catch (RuntimeException e) {
                // One case's failure (its transaction rolled back) must not cost the others their turn.
                LOG.warnf(
                        "Reconciling business case %s failed (%s)",
                        waiting.id(), e.getClass().getName());
            }
        }
        return new Pass(due.size(), false);
    }

    private void reconcile(Waiting waiting) {
        ProviderInquiry inquiry;
        try {
            KycProvider provider = providers.named(waiting.provider());
            ProviderCredentials business = credentials.of(waiting.provider(), waiting.orgId());
            inquiry = alerts.watching(
                    waiting.orgId(),
                    provider.name(),
                    "retrieve-inquiry",
                    () -> provider.retrieve(business, waiting.reference()));
        } catch (KycProviderException | ProblemException e) {
            // Not configured any more, refused or unavailable: asked again after recheck-after.
            LOG.debugf(
                    "Business case %s not reconciled: %s",
                    waiting.id(), e.getClass().getSimpleName());
            return;
        }
        if (inquiry.statusAt().isEmpty()
                || !waiting.reference().equals(inquiry.reference())
                || inquiry.statusAt().get().isAfter(OffsetDateTime.now().plus(futureTolerance))) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> cases.lockInOrg(waiting.orgId(), waiting.id())
                .filter(businessCase -> waiting.reference().equals(businessCase.providerReference))
                .ifPresent(businessCase -> transitions.fromVerification(
                        businessCase,
                        inquiry.status(),
                        inquiry.providerStatus(),
                        inquiry.statusAt().get(),
                        BusinessTransitions.PROVIDER_ACTOR,
                        Optional.empty())));
    }
}
