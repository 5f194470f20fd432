package dev.attest.compliance.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The time a retrieved inquiry stands for: its latest status change, on Persona's clock. */
class InquiryStatusTimeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theLatestStatusTimestampCountsAndExpiresAtWhichLiesAheadDoesNot() throws Exception {
        JsonNode attributes = JSON.readTree("{\"status\":\"approved\",\"created-at\":\"2026-01-01T10:00:00.000Z\","
                + "\"completed-at\":\"2026-01-01T10:05:00.000Z\",\"decisioned-at\":\"2026-01-01T10:05:01.500Z\","
                + "\"expires-at\":\"2026-01-02T10:00:00.000Z\",\"failed-at\":null,\"redacted-at\":\"not a time\"}");

        assertThat(PersonaKycProvider.statusAt(attributes)).contains(OffsetDateTime.parse("2026-01-01T10:05:01.500Z"));
    }

    @Test
    void anInquiryWithoutAnyTimestampHasNoTime() throws Exception {
        assertThat(PersonaKycProvider.statusAt(JSON.readTree("{\"status\":\"pending\"}")))
                .isEmpty();
    }
}
