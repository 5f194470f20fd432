package dev.attest.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.e2e.http.HttpJson;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class SignedPersonaEventsTest {
    private final SignedPersonaEvents events =
            new SignedPersonaEvents(URI.create("http://127.0.0.1:1/webhooks/persona/inquiry"), "wbhsec_test");

    @Test
    void signsAsPersonaDoes() {
        // The test vector of ../shared/design/provider-apis.md (Persona webhook signature).
        String body =
                "{\"data\":{\"type\":\"event\",\"id\":\"evt_test\",\"attributes\":{\"name\":\"inquiry.completed\"}}}";

        assertThat(events.signatureHeader(1700000000L, body))
                .isEqualTo("t=1700000000,v1=8c9a7b3ab48954b50499fdaeca0a4dce814f5024a7cbcfd82662540fb832bd7a");
    }

    @Test
    void eachBodyIsAPersonaEventWithItsOwnId() throws Exception {
        Instant now = Instant.parse("2026-11-22T21:00:00.123Z");
        JsonNode first = HttpJson.JSON.readTree(SignedPersonaEvents.body("5f0c7a52-1111-4a0e-9d2b-0c4b1c2d3e4f", now));
        JsonNode second = HttpJson.JSON.readTree(SignedPersonaEvents.body("7a1b2c3d-2222-4a0e-9d2b-0c4b1c2d3e4f", now));

        JsonNode data = first.path("data");
        assertThat(data.path("type").asText()).isEqualTo("event");
        assertThat(data.path("attributes").path("name").asText()).isEqualTo("verification.passed");
        assertThat(OffsetDateTime.parse(
                                data.path("attributes").path("created-at").asText())
                        .toInstant())
                .isEqualTo(now);
        assertThat(data.path("attributes")
                        .path("payload")
                        .path("data")
                        .path("type")
                        .asText())
                .isEqualTo("verification/government-id");
        assertThat(data.path("id").asText())
                .startsWith("evt_")
                .isNotEqualTo(second.path("data").path("id").asText());
    }
}
