package dev.attest.compliance.service;

import dev.attest.compliance.KycCase;
import dev.attest.compliance.KycStep;
import dev.attest.compliance.StepStatus;
import dev.attest.compliance.config.ComplianceConfig;
import dev.attest.compliance.provider.KycProviders;
import dev.attest.compliance.provider.ProviderStep;
import dev.attest.compliance.repository.KycStepRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A case's verification steps: recorded from what the provider reports (webhooks, and the inquiry read back by
 * reconciliation), and read against the steps the organization requires.
 *
 * <p>Recording converges: each step shows the newest observation of it by {@link ProviderStep#NEWEST_LAST}, so the
 * same observations applied in any order, any number of times, leave the same steps; an observation older than
 * what a step shows never moves it back.
 */
@ApplicationScoped
public class VerificationSteps {
    private final KycStepRepository steps;
    private final KycProviders providers;
    private final Duration futureTolerance;

    VerificationSteps(KycStepRepository steps, KycProviders providers, ComplianceConfig config) {
        this.steps = steps;
        this.providers = providers;
        this.futureTolerance = config.persona().webhookFutureTolerance();
    }

    /**
     * Records observations of the (locked) case's steps; each changes its step only when newer than it. One dated
     * further ahead than the webhooks' bound is left out, as such a webhook is: it would outrank every real one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(KycCase kycCase, List<ProviderStep> observed) {
        OffsetDateTime latestAllowed = OffsetDateTime.now().plus(futureTolerance);
        for (ProviderStep observation : observed) {
            if (observation.at().isAfter(latestAllowed)) {
                continue;
            }
            Optional<KycStep> shown = steps.find(kycCase.id, observation.providerId());
            if (shown.isEmpty()) {
                steps.persist(KycStep.of(kycCase, observation));
            } else if (observation.supersedes(shown.get().shown())) {
                shown.get().show(observation);
            }
        }
    }

    /** A required kind of step and where it stands: empty while no step of that kind was reported. */
    public record Requirement(String kind, Optional<StepStatus> status) {
        public boolean done() {
            return status.filter(StepStatus.PASSED::equals).isPresent();
        }
    }

    /** The steps the organization requires and where each stands, and every step recorded, oldest first. */
    public record Progress(List<Requirement> required, List<KycStep> history) {}

    @Transactional
    public Progress of(KycCase kycCase) {
        List<KycStep> history = steps.ofCase(kycCase.orgId, kycCase.id);
        List<String> required = providers.requiredSteps(kycCase.provider, kycCase.orgId);
        return new Progress(
                required.stream().map(kind -> requirement(kind, history)).toList(), history);
    }

    /**
     * A kind is done once a step of it passed (a retry is a new step: an earlier failure does not undo a later
     * pass); until then it shows its newest step.
     */
    private static Requirement requirement(String kind, List<KycStep> history) {
        List<StepStatus> ofKind = history.stream()
                .filter(step -> step.kind.equals(kind))
                .map(step -> StepStatus.fromWire(step.status))
                .toList();
        if (ofKind.contains(StepStatus.PASSED)) {
            return new Requirement(kind, Optional.of(StepStatus.PASSED));
        }
        return new Requirement(kind, ofKind.isEmpty() ? Optional.empty() : Optional.of(ofKind.get(ofKind.size() - 1)));
    }
}
