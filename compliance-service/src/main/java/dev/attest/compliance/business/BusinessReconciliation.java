package dev.attest.compliance.business;

import dev.attest.common.work.DurableWork;
import dev.attest.compliance.config.ComplianceConfig;
import dev.attest.compliance.provider.ProviderInquiry;
import dev.attest.compliance.service.ProviderCatchUp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Catches up with business verifications whose webhooks were lost, as {@code CaseReconciliation} does for KYC cases
 * (and with its {@code reconciliation.*} settings, through the same {@link ProviderCatchUp}): a waiting one is looked
 * up at its provider and applied through {@link BusinessTransitions#fromVerification}, stamped with the provider's own
 * time, so a state already applied changes nothing. Owners' KYC cases are reconciled as every KYC case, and move their
 * business case as a webhook does.
 */
@ApplicationScoped
public class BusinessReconciliation implements DurableWork {
    public static final String NAME = "business-case-reconciliation";
    private static final Logger LOG = Logger.getLogger(BusinessReconciliation.class);
    private static final String KIND = "business case";

    private final BusinessCaseRepository cases;
    private final BusinessCredentials credentials;
    private final BusinessTransitions transitions;
    private final ProviderCatchUp catchUp;
    private final Duration interval;

    BusinessReconciliation(
            BusinessCaseRepository cases,
            BusinessCredentials credentials,
            BusinessTransitions transitions,
            ProviderCatchUp catchUp,
            ComplianceConfig config) {
        this.cases = cases;
        this.credentials = credentials;
        this.transitions = transitions;
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

    @Override
    public Pass runPass() {
        int claimed = catchUp.pass(
                cases::claimWaiting,
                c -> new ProviderCatchUp.Waiting(c.id, c.orgId, c.provider, c.providerReference),
                this::reconcile,
                LOG,
                KIND);
        return new Pass(claimed, false);
    }

    private void reconcile(ProviderCatchUp.Waiting waiting) {
        Optional<ProviderInquiry> shown = catchUp.retrieve(waiting, credentials::of, LOG, KIND);
        if (shown.isEmpty()) {
            return;
        }
        ProviderInquiry inquiry = shown.get();
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
