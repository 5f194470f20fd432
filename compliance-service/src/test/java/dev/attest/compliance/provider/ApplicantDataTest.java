package dev.attest.compliance.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplicantDataTest {
    @Test
    void itsTextNamesTheFieldsButNeverTheirValues() {
        ApplicantData applicant = new ApplicantData(Map.of("first_name", "Ada", "document_number", "X1234567"));

        assertThat(applicant.toString())
                .isEqualTo("ApplicantData[document_number, first_name]")
                .doesNotContain("Ada")
                .doesNotContain("X1234567");
    }
}
