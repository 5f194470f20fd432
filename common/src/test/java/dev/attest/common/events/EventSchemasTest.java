package dev.attest.common.events;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EventSchemasTest {
    private final EventSchemas schemas = new EventSchemas();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void eventMatchingItsSchemaPasses() throws Exception {
        assertThatCode(() ->
                        schemas.validate("attest.test.noted.v1", mapper.readTree("{\"note_key\":\"a\",\"seq\":1}")))
                .doesNotThrowAnyException();
    }

    @Test
    void eventBreakingItsSchemaIsRefusedWithTheReason() throws Exception {
        assertThatThrownBy(() -> schemas.validate(
                        "attest.test.noted.v1",
                        mapper.readTree("{\"note_key\":\"a\",\"seq\":\"one\",\"email\":\"x\"}")))
                .isInstanceOf(EventSchemas.InvalidEventException.class)
                .hasMessageContaining("seq")
                .hasMessageContaining("email");
    }

    @Test
    void eventTypeWithoutSchemaIsRefused() throws Exception {
        assertThatThrownBy(() -> schemas.validate("attest.test.unknown.v1", mapper.readTree("{}")))
                .isInstanceOf(EventSchemas.InvalidEventException.class)
                .hasMessageContaining("no JSON Schema");
    }
}
