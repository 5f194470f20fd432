package dev.attest.compliance.service;

import dev.attest.common.work.DurableWork;
import dev.attest.compliance.config.ComplianceConfig;
import dev.attest.compliance.provider.KycProviders;
import dev.attest.compliance.provider.ProviderInquiry;
import dev.attest.compliance.repository.KycCaseRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Catches up with cases whose webhooks were lost: a case pending or in review that nothing has changed for
 * {@code reconciliation.min-age} is looked up at its provider (Persona: {@code GET /api/v1/inquiries/{id}})
 * and what the provider shows is applied exactly as a webhook would be (same status mapping, same
 * {@link CaseTransitions#fromProvider} path, stamped with the provider's own time of its latest change), so a
 * state already applied changes nothing and a webhook arriving later finds itself stale or equal: no
 * duplicate transition, no duplicate event. Each case is asked at most once per
 * {@code reconciliation.recheck-after}, at most {@code batch-size} per pass; replicas claim cases with
 * {@code for update skip locked}. The provider is called outside any database transaction. The claiming, the
 * asking and the bound on the provider's time are {@link ProviderCatchUp}'s, shared with business cases.
 */
@ApplicationScoped
public class CaseReconciliation implements DurableWork {
    public static final String NAME = "kyc-case-reconciliation";
    private static final Logger LOG = Logger.getLogger(CaseReconciliation.class);
    private static final String KIND = "case";

    private final KycCaseRepository cases;
    private final KycProviders providers;
    private final CaseTransitions transitions;
    private final VerificationSteps steps;
    private final ProviderCatchUp catchUp;
    private final Duration interval;

    CaseReconciliation(
            KycCaseRepository cases,
            KycProviders providers,
            CaseTransitions transitions,
            VerificationSteps steps,
            ProviderCatchUp catchUp,
            ComplianceConfig config) {
        this.cases = cases;
        this.providers = providers;
        this.transitions = transitions;
        this.steps = steps;
        this.catchUp = catchUp;
        this.interval = config.reconciliation().interval();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration pollInterval() {
        return interval;
    }

    /** One batch an interval: reconciliation catches up with lost webhooks, it is not on anyone's critical path. */
    @Override
    public Pass runPass() {
        return new Pass(reconcileWaiting(), false);
    }

    /** One pass: claims the due cases and asks their provider about each; returns how many were asked. */
    public int reconcileWaiting() {
        return catchUp.pass(
                cases::claimWaiting,
                kycCase -> new ProviderCatchUp.Waiting(
                        kycCase.id, kycCase.orgId, kycCase.provider, kycCase.providerReference),
                this::reconcile,
                LOG,
                KIND);
    }

    private void reconcile(ProviderCatchUp.Waiting waiting) {
        Optional<ProviderInquiry> shown = catchUp.retrieve(waiting, providers::credentials, LOG, KIND);
        if (shown.isEmpty()) {
            return;
        }
        ProviderInquiry inquiry = shown.get();
        OffsetDateTime at = inquiry.statusAt().get();
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
