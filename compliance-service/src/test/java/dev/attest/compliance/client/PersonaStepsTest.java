package dev.attest.compliance.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.compliance.StepStatus;
import dev.attest.compliance.provider.ProviderStep;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading steps out of Persona's JSON:API documents (shapes from docs.withpersona.com, Verifications). */
class PersonaStepsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OffsetDateTime EVENT_AT = OffsetDateTime.parse("2026-12-07T10:00:00Z");

    private static final String GOVERNMENT_ID =
            """
            {"type": "verification/government-id", "id": "ver_abc123",
             "attributes": {"status": "passed", "created-at": "2026-12-07T09:00:00.000Z",
               "submitted-at": "2026-12-07T09:00:05.000Z", "completed-at": "2026-12-07T09:00:09.000Z",
               "name-first": "Ada", "name-last": "Lovelace", "birthdate": "1815-12-10",
               "identification-number": "X1234567"},
             "relationships": {"inquiry": {"data": {"type": "inquiry", "id": "inq_xyz"}}}}
            """;

    @Test
    void aVerificationIsAStepOfItsKindAtItsOwnLatestTimeWithNothingPersonal() throws Exception {
        JsonNode resource = JSON.readTree(GOVERNMENT_ID);

        Optional<ProviderStep> step = PersonaSteps.ofVerification(resource, EVENT_AT);

        assertThat(step)
                .contains(new ProviderStep(
                        "government-id",
                        "ver_abc123",
                        "passed",
                        StepStatus.PASSED,
                        OffsetDateTime.parse("2026-12-07T09:00:09Z")));
        assertThat(step.get().toString()).doesNotContain("Ada", "Lovelace", "1815", "X1234567");
        assertThat(PersonaSteps.inquiryOf(resource)).contains("inq_xyz");
    }

    @Test
    void anInquiryDocumentShowsTheInquiryAndEachIncludedVerificationButNotOtherResources() throws Exception {
        JsonNode data = JSON.readTree(
                """
                {"type": "inquiry", "id": "inq_xyz", "attributes": {"status": "needs_review",
                 "created-at": "2026-12-07T08:59:00.000Z", "completed-at": "2026-12-07T09:00:10.000Z",
                 "decisioned-at": null}}
                """);
        JsonNode included = JSON.readTree(
                "[" + GOVERNMENT_ID + ", {\"type\": \"account\", \"id\": \"act_1\"},"
                        + " {\"type\": \"verification/selfie\", \"id\": \"ver_s\", \"attributes\": {\"status\": \"initiated\"}}]");

        List<ProviderStep> steps = PersonaSteps.ofInquiry(data, included, EVENT_AT);

        assertThat(steps)
                .extracting(step -> step.kind() + "/" + step.providerId() + "/"
                        + step.status().wire() + "/" + step.at())
                .containsExactly(
                        "inquiry/inq_xyz/submitted/2026-12-07T09:00:10Z",
                        "government-id/ver_abc123/passed/2026-12-07T09:00:09Z",
                        // No time of its own: the event's.
                        "selfie/ver_s/pending/2026-12-07T10:00Z");
    }

    @Test
    void personasStatusesMapToTheNormalizedOnes() {
        assertThat(List.of(
                                "initiated",
                                "confirmed",
                                "submitted",
                                "passed",
                                "failed",
                                "requires_retry",
                                "canceled",
                                "skipped")
                        .stream()
                        .map(PersonaSteps::verificationStatus)
                        .map(StepStatus::wire))
                .containsExactly(
                        "pending", "pending", "submitted", "passed", "failed", "requires-retry", "failed", "pending");
        assertThat(List.of(
                                "created",
                                "pending",
                                "completed",
                                "approved",
                                "needs_review",
                                "failed",
                                "declined",
                                "expired")
                        .stream()
                        .map(PersonaSteps::inquiryStatus)
                        .map(StepStatus::wire))
                .containsExactly(
                        "pending", "pending", "passed", "passed", "submitted", "failed", "failed", "requires-retry");
    }

    @Test
    void aResourceWithoutUsableIdKindOrStatusIsNoStep() throws Exception {
        for (String resource : List.of(
                "{\"type\": \"verification/government-id\", \"attributes\": {\"status\": \"passed\"}}",
                "{\"type\": \"verification/Gov ID\", \"id\": \"ver_1\", \"attributes\": {\"status\": \"passed\"}}",
                "{\"type\": \"verification/selfie\", \"id\": \"ver_1\\u0000\", \"attributes\": {\"status\": \"passed\"}}",
                "{\"type\": \"verification/selfie\", \"id\": \"ver_1\", \"attributes\": {}}",
                "{\"type\": \"report/watchlist\", \"id\": \"rep_1\", \"attributes\": {\"status\": \"ready\"}}")) {
            assertThat(PersonaSteps.ofVerification(JSON.readTree(resource), EVENT_AT))
                    .as(resource)
                    .isEmpty();
        }
    }
}
