package dev.attest.compliance.business;

import static dev.attest.compliance.KycStatus.PENDING;
import static dev.attest.compliance.KycStatus.REJECTED;
import static dev.attest.compliance.KycStatus.REVIEW;
import static dev.attest.compliance.KycStatus.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.compliance.KycStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BusinessDecisionTest {

    @Test
    void verifiedOnlyWhenTheBusinessAndEveryOwnerAreVerified() {
        assertThat(BusinessDecision.of(VERIFIED, List.of(VERIFIED, VERIFIED)))
                .isEqualTo(new BusinessDecision.Outcome(VERIFIED, Optional.empty()));
        assertThat(BusinessDecision.of(VERIFIED, List.of(VERIFIED, PENDING)).status())
                .isEqualTo(PENDING);
        assertThat(BusinessDecision.of(VERIFIED, List.of(VERIFIED, REVIEW)).status())
                .isEqualTo(PENDING);
        assertThat(BusinessDecision.of(PENDING, List.of(VERIFIED, VERIFIED)).status())
                .isEqualTo(PENDING);
    }

    @Test
    void aBusinessWithoutOwnersIsNeverVerified() {
        assertThat(BusinessDecision.of(VERIFIED, List.of()).status()).isEqualTo(PENDING);
    }

    @Test
    void anyRejectionRejectsWithItsReason() {
        assertThat(BusinessDecision.of(VERIFIED, List.of(VERIFIED, REJECTED)))
                .isEqualTo(new BusinessDecision.Outcome(REJECTED, Optional.of("kyb.owner-rejected")));
        assertThat(BusinessDecision.of(REVIEW, List.of(REJECTED)))
                .isEqualTo(new BusinessDecision.Outcome(REJECTED, Optional.of("kyb.owner-rejected")));
        assertThat(BusinessDecision.of(REJECTED, List.of(VERIFIED)))
                .isEqualTo(new BusinessDecision.Outcome(REJECTED, Optional.of("kyb.business-rejected")));
        assertThat(BusinessDecision.of(REJECTED, List.of(REJECTED)).reason()).contains("kyb.business-rejected");
    }

    @Test
    void reviewWhileTheBusinessAwaitsAReviewerAndNoOwnerIsRejected() {
        for (KycStatus owner : List.of(PENDING, REVIEW, VERIFIED)) {
            assertThat(BusinessDecision.of(REVIEW, List.of(VERIFIED, owner)))
                    .isEqualTo(new BusinessDecision.Outcome(REVIEW, Optional.empty()));
        }
    }

    @Test
    void pendingOtherwise() {
        assertThat(BusinessDecision.of(PENDING, List.of(PENDING, REVIEW)))
                .isEqualTo(new BusinessDecision.Outcome(PENDING, Optional.empty()));
    }
}
