package dev.attest.compliance.rest;

import dev.attest.compliance.KycCase;
import dev.attest.compliance.KycStep;
import dev.attest.compliance.StepStatus;
import dev.attest.compliance.service.VerificationSteps;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case's verification steps, for the person (what is left to do) and for reviewers (what happened): kinds,
 * statuses, the provider's ids and times; no personal data.
 *
 * @param complete whether every required step passed
 * @param remaining the required kinds not passed yet
 */
public record StepsView(
        String caseId,
        String caseStatus,
        boolean complete,
        List<Required> required,
        List<String> remaining,
        List<Entry> history) {

    /** A required kind; {@code status} is {@code not-started} while no step of it was reported. */
    public record Required(String kind, String status, boolean done) {}

    public record Entry(String kind, String providerStepId, String status, String providerStatus, OffsetDateTime at) {}

    static final String NOT_STARTED = "not-started";

    static StepsView of(KycCase kycCase, VerificationSteps.Progress progress) {
        List<Required> required = progress.required().stream()
                .map(requirement -> new Required(
                        requirement.kind(),
                        requirement.status().map(StepStatus::wire).orElse(NOT_STARTED),
                        requirement.done()))
                .toList();
        List<String> remaining =
                required.stream().filter(r -> !r.done()).map(Required::kind).toList();
        return new StepsView(
                kycCase.id.toString(),
                kycCase.status,
                remaining.isEmpty(),
                required,
                remaining,
                progress.history().stream().map(StepsView::entry).toList());
    }

    private static Entry entry(KycStep step) {
        return new Entry(step.kind, step.providerStepId, step.status, step.providerStatus, step.providerAt);
    }
}
