package dev.attest.compliance.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.compliance.StepStatus;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rule every step converges by: the newest observation in the provider's time wins, whatever the order. */
class ProviderStepTest {
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-12-07T09:00:00Z");

    @Test
    void aNewerObservationSupersedesAnOlderOneNeverTheReverse() {
        ProviderStep submitted = step("ver_1", "submitted", StepStatus.SUBMITTED, 3);
        ProviderStep passed = step("ver_1", "passed", StepStatus.PASSED, 4);

        assertThat(passed.supersedes(submitted)).isTrue();
        assertThat(submitted.supersedes(passed)).isFalse();
        assertThat(passed.supersedes(passed)).isFalse();
    }

    @Test
    void newerTimeWinsEvenWhenItsStatusIsEarlierInTheLifecycle() {
        // A decided inquiry sent back to review: later in the provider's time, so it is what the step shows.
        ProviderStep approved = step("inq_1", "approved", StepStatus.PASSED, 5);
        ProviderStep review = step("inq_1", "needs_review", StepStatus.SUBMITTED, 6);

        assertThat(review.supersedes(approved)).isTrue();
    }

    @Test
    void atTheSameTimeTheFurtherStatusWinsSoTiesDoNotDependOnArrival() {
        ProviderStep submitted = step("ver_1", "submitted", StepStatus.SUBMITTED, 3);
        ProviderStep passed = step("ver_1", "passed", StepStatus.PASSED, 3);
        ProviderStep completed = step("inq_1", "completed", StepStatus.PASSED, 3);
        ProviderStep approved = step("inq_1", "approved", StepStatus.PASSED, 3);

        assertThat(passed.supersedes(submitted)).isTrue();
        assertThat(submitted.supersedes(passed)).isFalse();
        assertThat(completed.supersedes(approved)).isTrue();
        assertThat(approved.supersedes(completed)).isFalse();
    }

    @Test
    void aRealisticSequenceShuffledAndDuplicatedAThousandTimesAlwaysEndsInTheSameHistory() {
        List<ProviderStep> sequence = List.of(
                step("inq_1", "pending", StepStatus.PENDING, 1),
                step("ver_id", "initiated", StepStatus.PENDING, 2),
                step("ver_id", "submitted", StepStatus.SUBMITTED, 3),
                step("ver_id", "passed", StepStatus.PASSED, 4),
                step("ver_s1", "initiated", StepStatus.PENDING, 5),
                step("ver_s1", "submitted", StepStatus.SUBMITTED, 6),
                step("ver_s1", "requires_retry", StepStatus.REQUIRES_RETRY, 7),
                step("ver_s2", "initiated", StepStatus.PENDING, 8),
                step("ver_s2", "submitted", StepStatus.SUBMITTED, 9),
                step("ver_s2", "passed", StepStatus.PASSED, 10),
                step("inq_1", "completed", StepStatus.PASSED, 11),
                step("inq_1", "approved", StepStatus.PASSED, 12));
        Map<String, ProviderStep> inOrder = fold(sequence);
        assertThat(inOrder.values())
                .extracting(step -> step.providerId() + "/" + step.providerStatus())
                .containsExactlyInAnyOrder("inq_1/approved", "ver_id/passed", "ver_s1/requires_retry", "ver_s2/passed");

        Random random = new Random(21);
        for (int run = 0; run < 1000; run++) {
            List<ProviderStep> deliveries = new ArrayList<>();
            for (ProviderStep step : sequence) {
                deliveries.addAll(Collections.nCopies(1 + random.nextInt(3), step));
            }
            Collections.shuffle(deliveries, random);
            assertThat(fold(deliveries)).as("run %d", run).isEqualTo(inOrder);
        }
    }

    /** What a step table shows after applying {@code observations} one by one, as the service does. */
    private static Map<String, ProviderStep> fold(List<ProviderStep> observations) {
        Map<String, ProviderStep> shown = new LinkedHashMap<>();
        for (ProviderStep observation : observations) {
            shown.merge(
                    observation.providerId(),
                    observation,
                    (current, next) -> next.supersedes(current) ? next : current);
        }
        return shown;
    }

    private static ProviderStep step(String id, String providerStatus, StepStatus status, int seconds) {
        String kind = id.startsWith("inq_") ? "inquiry" : id.startsWith("ver_id") ? "government-id" : "selfie";
        return new ProviderStep(kind, id, providerStatus, status, T0.plusSeconds(seconds));
    }
}
