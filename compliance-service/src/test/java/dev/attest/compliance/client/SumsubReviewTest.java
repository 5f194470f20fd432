package dev.attest.compliance.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.compliance.KycStatus;
import dev.attest.compliance.StepStatus;
import dev.attest.compliance.provider.ProviderInquiry;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sumsub's reviews normalized: statuses, reasons, the retryable flag, steps and times. */
class SumsubReviewTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void waitingStatesArePendingAndOnHoldIsReview() {
        for (String waiting : List.of("init", "pending", "queued", "prechecked")) {
            SumsubReview review = SumsubReview.of(waiting, null);
            assertThat(review.status()).as(waiting).isEqualTo(KycStatus.PENDING);
            assertThat(review.reason()).isNull();
            assertThat(review.retryable()).isFalse();
        }
        SumsubReview onHold = SumsubReview.of("onHold", null);
        assertThat(onHold.status()).isEqualTo(KycStatus.REVIEW);
        assertThat(onHold.reason()).isEqualTo("sumsub.onhold");
    }

    @Test
    void greenIsVerifiedAndRedFinalIsRejectedWithItsLabelsAsReasonCodes() {
        SumsubReview green = SumsubReview.of("completed", json("{\"reviewAnswer\":\"GREEN\"}"));
        assertThat(green.status()).isEqualTo(KycStatus.VERIFIED);
        assertThat(green.reason()).isEqualTo("sumsub.green");

        SumsubReview red = SumsubReview.of(
                "completed",
                json("{\"reviewAnswer\":\"RED\",\"reviewRejectType\":\"FINAL\","
                        + "\"rejectLabels\":[\"FORGERY\",\"Bad Photo!\"]}"));
        assertThat(red.status()).isEqualTo(KycStatus.REJECTED);
        assertThat(red.reason()).isEqualTo("sumsub.red.final");
        assertThat(red.reasons()).containsExactly("sumsub.forgery", "sumsub.bad_photo_");
        assertThat(red.retryable()).isFalse();
    }

    @Test
    void redRetryKeepsTheCasePendingWithAReasonAndTheRetryableFlag() {
        SumsubReview retry = SumsubReview.of(
                "completed",
                json(
                        "{\"reviewAnswer\":\"RED\",\"reviewRejectType\":\"RETRY\",\"rejectLabels\":[\"UNSATISFACTORY_PHOTOS\"]}"));
        assertThat(retry.status()).isEqualTo(KycStatus.PENDING);
        assertThat(retry.retryable()).isTrue();
        assertThat(retry.reason()).isEqualTo(SumsubReview.RETRY_REASON);
        assertThat(retry.asStep("a1", OffsetDateTime.now()).status()).isEqualTo(StepStatus.REQUIRES_RETRY);
        // Stored webhooks keep the provider status only: it gives the same result back.
        assertThat(SumsubReview.ofProviderStatus(retry.providerStatus()).reason())
                .isEqualTo(retry.reason());
        assertThat(SumsubReview.ofProviderStatus("red.final").status()).isEqualTo(KycStatus.REJECTED);
    }

    @Test
    void anApplicantBecomesAnInquiryWithTheReviewsTimeAndItsDocumentSetsAsSteps() {
        JsonNode applicant = json("{\"id\":\"5f1\",\"externalUserId\":\"c1\",\"createdAt\":\"2026-12-07 10:00:00\","
                + "\"review\":{\"reviewStatus\":\"completed\",\"createDate\":\"2026-12-07 10:00:00\","
                + "\"reviewDate\":\"2026-12-07 10:05:30+0000\",\"reviewResult\":{\"reviewAnswer\":\"GREEN\"}}}");
        JsonNode docs = json("{\"IDENTITY\":{\"reviewResult\":{\"reviewAnswer\":\"GREEN\"}},"
                + "\"SELFIE\":{\"reviewResult\":{\"reviewAnswer\":\"RED\",\"reviewRejectType\":\"RETRY\"}},"
                + "\"PROOF_OF_RESIDENCE\":null}");
        ProviderInquiry inquiry = SumsubKycProvider.inquiry(applicant, docs, Optional.empty());
        OffsetDateTime reviewed = OffsetDateTime.parse("2026-12-07T10:05:30Z");
        assertThat(inquiry.status()).isEqualTo(KycStatus.VERIFIED);
        assertThat(inquiry.statusAt()).contains(reviewed);
        assertThat(inquiry.steps())
                .extracting(step -> step.kind() + "/" + step.providerId() + "/"
                        + step.status().wire())
                .containsExactly(
                        "inquiry/5f1/passed",
                        "government-id/5f1:IDENTITY/passed",
                        "selfie/5f1:SELFIE/requires-retry",
                        "document/5f1:PROOF_OF_RESIDENCE/pending");
        assertThat(inquiry.steps()).allMatch(step -> step.at().equals(reviewed));
    }

    @Test
    void readsSumsubsTimesWithAndWithoutMillisecondsAndOffsets() {
        assertThat(SumsubReview.time(json("\"2026-12-07 10:05:30.123\"")))
                .contains(OffsetDateTime.parse("2026-12-07T10:05:30.123Z"));
        assertThat(SumsubReview.time(json("\"2026-12-07 12:05:30+0200\"")))
                .contains(OffsetDateTime.parse("2026-12-07T10:05:30Z"));
        assertThat(SumsubReview.time(json("\"yesterday\""))).isEmpty();
    }

    @Test
    void prefillsTheApplicantWithAlpha3Countries() {
        var body = SumsubApplicants.individual(
                "case-1",
                new dev.attest.compliance.provider.ApplicantData(java.util.Map.of(
                        "first_name",
                        "Ada",
                        "birthdate",
                        "1815-12-10",
                        "email",
                        "ada@example.org",
                        "address_city",
                        "London",
                        "address_country_code",
                        "GB")));
        assertThat(body.path("externalUserId").asText()).isEqualTo("case-1");
        assertThat(body.path("email").asText()).isEqualTo("ada@example.org");
        assertThat(body.path("fixedInfo").path("country").asText()).isEqualTo("GBR");
        assertThat(body.path("fixedInfo").path("dob").asText()).isEqualTo("1815-12-10");
        assertThat(body.path("fixedInfo").path("addresses").get(0).path("town").asText())
                .isEqualTo("London");
        assertThat(SumsubApplicants.alpha3("ZZ")).isEmpty();
    }
}
