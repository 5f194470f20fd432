package dev.attest.compliance.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.compliance.KycStatus;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonaStatusMappingTest {

    @ParameterizedTest
    @CsvSource({
        "completed, VERIFIED, 1.00",
        "approved, VERIFIED, 1.00",
        "failed, REJECTED, 0.00",
        "declined, REJECTED, 0.00",
        "needs_review, REVIEW, 0.50",
        "created, PENDING, ",
        "pending, PENDING, ",
        "expired, PENDING, ",
        "something_new, PENDING, "
    })
    void mapsPersonaStatusesToKycStatusesAndScores(String persona, KycStatus expected, BigDecimal score) {
        KycStatus status = PersonaStatusMapping.toKycStatus(persona);
        assertThat(status).isEqualTo(expected);
        assertThat(status.score().orElse(null)).isEqualTo(score);
    }

    @ParameterizedTest
    @CsvSource({
        "inquiry.created, created",
        "inquiry.started, pending",
        "inquiry.completed, completed",
        "inquiry.failed, failed",
        "inquiry.expired, expired",
        "inquiry.marked-for-review, needs_review",
        "inquiry.approved, approved",
        "inquiry.declined, declined"
    })
    void anEventWithoutAStatusInItsPayloadStandsForTheStatusItsNameAnnounces(String event, String status) {
        assertThat(PersonaStatusMapping.inquiryStatus(event, null)).contains(status);
        assertThat(PersonaStatusMapping.inquiryStatus(event, "approved")).contains("approved");
    }

    @ParameterizedTest
    @CsvSource({"inquiry.transitioned", "inquiry.redacted"})
    void eventsThatAnnounceNoStatusUseThePayloads(String event) {
        assertThat(PersonaStatusMapping.inquiryStatus(event, null)).isEmpty();
        assertThat(PersonaStatusMapping.inquiryStatus(event, "needs_review")).contains("needs_review");
    }
}
