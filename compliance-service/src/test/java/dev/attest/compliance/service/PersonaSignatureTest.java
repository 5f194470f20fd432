package dev.attest.compliance.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.compliance.service.PersonaSignature.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonaSignatureTest {
    private static final Duration TOLERANCE = Duration.ofSeconds(300);
    private static final byte[] VECTOR_BODY =
            "{\"data\":{\"type\":\"event\",\"id\":\"evt_test\",\"attributes\":{\"name\":\"inquiry.completed\"}}}"
                    .getBytes(StandardCharsets.UTF_8);
    private static final String VECTOR_V1 = "8c9a7b3ab48954b50499fdaeca0a4dce814f5024a7cbcfd82662540fb832bd7a";
    private static final Instant VECTOR_TIME = Instant.ofEpochSecond(1_700_000_000L);

    @Test
    void acceptsPersonasPublishedTestVector() {
        assertThat(PersonaSignature.sign("wbhsec_test", 1_700_000_000L, VECTOR_BODY))
                .isEqualTo(VECTOR_V1);
        assertThat(verify("t=1700000000,v1=" + VECTOR_V1, VECTOR_BODY, List.of("wbhsec_test"), VECTOR_TIME))
                .isEqualTo(Outcome.VALID);
    }

    @Test
    void acceptsAnyOfSeveralSignaturesDuringARotation() {
        String other = PersonaSignature.sign("wbhsec_old", 1_700_000_000L, VECTOR_BODY);
        assertThat(verify(
                        "t=1700000000,v1=" + other + ",v1=" + VECTOR_V1,
                        VECTOR_BODY,
                        List.of("wbhsec_test"),
                        VECTOR_TIME))
                .isEqualTo(Outcome.VALID);
        assertThat(verify(
                        "t=1700000000,v1=" + other + " t=1700000000,v1=" + VECTOR_V1,
                        VECTOR_BODY,
                        List.of("wbhsec_test"),
                        VECTOR_TIME))
                .isEqualTo(Outcome.VALID);
    }

    @Test
    void acceptsEitherOfTheOrganizationsTwoSecrets() {
        assertThat(verify(
                        "t=1700000000,v1=" + VECTOR_V1, VECTOR_BODY, List.of("wbhsec_new", "wbhsec_test"), VECTOR_TIME))
                .isEqualTo(Outcome.VALID);
    }

    @Test
    void refusesATamperedBodyAWrongSecretAndAReserializedBody() {
        byte[] tampered = new String(VECTOR_BODY, StandardCharsets.UTF_8)
                .replace("completed", "approved")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(verify("t=1700000000,v1=" + VECTOR_V1, tampered, List.of("wbhsec_test"), VECTOR_TIME))
                .isEqualTo(Outcome.MISMATCH);
        assertThat(verify("t=1700000000,v1=" + VECTOR_V1, VECTOR_BODY, List.of("wbhsec_other"), VECTOR_TIME))
                .isEqualTo(Outcome.MISMATCH);
        byte[] reserialized = new String(VECTOR_BODY, StandardCharsets.UTF_8)
                .replace(":", ": ")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(verify("t=1700000000,v1=" + VECTOR_V1, reserialized, List.of("wbhsec_test"), VECTOR_TIME))
                .isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void refusesATimestampOutsideTheToleranceEitherWay() {
        assertThat(verify(
                        "t=1700000000,v1=" + VECTOR_V1,
                        VECTOR_BODY,
                        List.of("wbhsec_test"),
                        VECTOR_TIME.plusSeconds(301)))
                .isEqualTo(Outcome.STALE);
        assertThat(verify(
                        "t=1700000000,v1=" + VECTOR_V1,
                        VECTOR_BODY,
                        List.of("wbhsec_test"),
                        VECTOR_TIME.minusSeconds(301)))
                .isEqualTo(Outcome.STALE);
        assertThat(verify(
                        "t=1700000000,v1=" + VECTOR_V1,
                        VECTOR_BODY,
                        List.of("wbhsec_test"),
                        VECTOR_TIME.plusSeconds(300)))
                .isEqualTo(Outcome.VALID);
    }

    @Test
    void refusesAMissingOrMalformedHeader() {
        assertThat(verify(null, VECTOR_BODY, List.of("wbhsec_test"), VECTOR_TIME))
                .isEqualTo(Outcome.MISSING);
        assertThat(verify(" ", VECTOR_BODY, List.of("wbhsec_test"), VECTOR_TIME))
                .isEqualTo(Outcome.MISSING);
        assertThat(verify(VECTOR_V1, VECTOR_BODY, List.of("wbhsec_test"), VECTOR_TIME))
                .isEqualTo(Outcome.MALFORMED);
        assertThat(verify("t=abc,v1=zz", VECTOR_BODY, List.of("wbhsec_test"), VECTOR_TIME))
                .isEqualTo(Outcome.MALFORMED);
    }

    @Test
    void refusesEverythingWhenTheOrganizationHasNoSecret() {
        assertThat(verify("t=1700000000,v1=" + VECTOR_V1, VECTOR_BODY, List.of(), VECTOR_TIME))
                .isEqualTo(Outcome.MISMATCH);
    }

    private static Outcome verify(String header, byte[] body, List<String> secrets, Instant now) {
        return PersonaSignature.verify(header, body, secrets, now, TOLERANCE);
    }
}
