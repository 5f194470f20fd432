package dev.attest.compliance.provider;

import dev.attest.compliance.StepStatus;
import java.time.OffsetDateTime;
import java.util.Comparator;

/**
 * One observation of a verification step, as the provider reported it.
 *
 * @param kind what the step checks: {@code government-id}, {@code selfie}, {@code database}, {@code document}, …,
 *     or {@code inquiry} for the provider's verification as a whole
 * @param providerId the provider's id of the step (Persona: {@code ver_…}, or the inquiry's {@code inq_…})
 * @param providerStatus the provider's own status, kept for reviewers
 * @param status what that status means
 * @param at the provider's own time of that status
 */
public record ProviderStep(
        String kind, String providerId, String providerStatus, StepStatus status, OffsetDateTime at) {

    /** What a step kind may be: lower-case words joined by hyphens, as Persona's verification types. */
    public static final String KIND_PATTERN = "[a-z0-9][a-z0-9-]{0,63}";

    /**
     * The order in which observations of one step supersede each other: the provider's time first, then the status
     * (forward wins a tie), then the provider's status. A total order, so the newest of any set of observations is
     * one and the same whatever order they are applied in, each of them once or many times.
     */
    public static final Comparator<ProviderStep> NEWEST_LAST = Comparator.comparing(ProviderStep::at)
            .thenComparing(ProviderStep::status)
            .thenComparing(ProviderStep::providerStatus);

    /** Whether this observation is newer than {@code shown}, and so replaces it. */
    public boolean supersedes(ProviderStep shown) {
        return NEWEST_LAST.compare(this, shown) > 0;
    }
}
