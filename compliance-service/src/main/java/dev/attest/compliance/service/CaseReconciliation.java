package dev.attest.compliance.service;

import dev.attest.common.alerts.CredentialsRejectedAlerts;
import dev.attest.common.problem.ProblemException;
import dev.attest.common.work.DurableWork;
import dev.attest.compliance.KycCase;
import dev.attest.compliance.config.ComplianceConfig;
import dev.attest.compliance.provider.KycProvider;
import dev.attest.compliance.provider.KycProviderException;
import dev.attest.compliance.provider.KycProviders;
import dev.attest.compliance.provider.ProviderInquiry;
import dev.attest.compliance.repository.KycCaseRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Catches up with cases whose webhooks were lost: a case pending or in review that nothing has changed for
 * {@code reconciliation.min-age} is looked up at its provider (Persona: {@code GET /api/v1/inquiries/{id}})
 * and what the provider shows is applied exactly as a webhook would be (same status mapping, same
 * {@link CaseTransitions#fromProvider} path, stamped with the provider's own time of its latest change), so a
 * state already applied changes nothing and a webhook arriving later finds itself stale or equal: no
 * duplicate transition, no duplicate event. Each case is asked at most once per
 * {@code reconciliation.recheck-after}, at most {@code batch-size} per pass; replicas claim cases with
 * {@code for update skip locked}. The provider is called outside any database transaction.
 */
@ApplicationScoped
public class CaseReconciliation implements DurableWork {
    public static final String NAME = "kyc-case-reconciliation";
    private static final Logger LOG = Logger.getLogger(CaseReconciliation.class);

    private final KycCaseRepository cases;
    private final KycProviders providers;
    private final CaseTransitions transitions;
    private final VerificationSteps steps;
    private final CredentialsRejectedAlerts alerts;
    private final ComplianceConfig.Reconciliation config;
    private final ComplianceConfig.Persona persona;

    CaseReconciliation(
            KycCaseRepository cases,
            KycProviders providers,
            CaseTransitions transitions,
            VerificationSteps steps,
            CredentialsRejectedAlerts alerts,
            ComplianceConfig config) {
        this.cases = cases;
        this.providers = providers;
        this.transitions = transitions;
        this.steps = steps;
        this.alerts = alerts;
        this.config = config.reconciliation();
        this.persona = config.persona();
    }

    /** A claimed case: what is needed to ask its provider, outside the claiming transaction. */
    private record Waiting(UUID id, String orgId, String provider, String reference) {
        static Waiting of(KycCase kycCase) {
            return new Waiting(kycCase.id, kycCase.orgId, kycCase.provider, kycCase.providerReference);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration pollInterval() {
        return config.interval();
    }

    /** One batch an interval: reconciliation catches up with lost webhooks, it is not on anyone's critical path. */
    @Override
    public Pass runPass() {
        return new Pass(reconcileWaiting(), false);
    }

    /** One pass: claims the due cases and asks their provider about each; returns how many were asked. */
    public int reconcileWaiting() {
        OffsetDateTime now = OffsetDateTime.now();
        List<Waiting> due = QuarkusTransaction.requiringNew().call(() -> cases
                .claimWaiting(
                        now.minus(config.minAge()),
                        now.minus(config.maxAge()),
                        now.minus(config.recheckAfter()),
                        config.batchSize())
                .stream()
                .map(Waiting::of)
                .toList());
        for (Waiting waiting : due) {
            try {
                reconcile(waiting);
            } catch (RuntimeException e) {
                // One case's failure (its transaction rolled back) must not cost the others their turn.
                LOG.warnf(
                        "Reconciling case %s failed (%s)",
                        waiting.id(), e.getClass().getName());
            }
        }
        return due.size();
    }

    private void reconcile(Waiting waiting) {
        ProviderInquiry inquiry;
        try {
            KycProvider provider = providers.named(waiting.provider());
            var credentials = providers.credentials(waiting.provider(), waiting.orgId());
            inquiry = alerts.watching(
                    waiting.orgId(),
                    provider.name(),
                    "retrieve-inquiry",
                    () -> provider.retrieve(credentials, waiting.reference()));
        } catch (KycProviderException | ProblemException e) {
            // Not configured any more, refused or unavailable: the case is asked again after recheck-after.
            LOG.debugf("Case %s not reconciled: %s", waiting.id(), e.getClass().getSimpleName());
            return;
        }
        if (inquiry.statusAt().isEmpty() || !waiting.reference().equals(inquiry.reference())) {
            return;
        }
        OffsetDateTime at = inquiry.statusAt().get();
        if (at.isAfter(OffsetDateTime.now().plus(persona.webhookFutureTolerance()))) {
            // The same bound as for webhooks: a time far ahead would make every later event look stale.
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> cases.lockInOrg(waiting.orgId(), waiting.id())
                .filter(kycCase -> waiting.reference().equals(kycCase.providerReference))
                .ifPresent(kycCase -> {
                    steps.record(kycCase, inquiry.steps());
                    transitions
                            .fromProvider(
                                    kycCase, inquiry.status(), inquiry.providerStatus(), inquiry.retryable(), at, null)
                            .ifPresent(change -> LOG.infof(
                                    "Case %s of org %s caught up with its provider: %s → %s",
                                    kycCase.id,
                                    kycCase.orgId,
                                    change.from().wire(),
                                    change.to().wire()));
                }));
    }
}
