package dev.attest.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.contracts.JsonSchemas;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The JSON Schema of every event type, kept with the type names in attest-contracts under
 * {@code META-INF/attest/schemas/<type>.schema.json}. The outbox validates each event before it is
 * written, so an event that does not match its schema is a failed transaction, never a message that
 * consumers have to survive.
 */
@ApplicationScoped
public class EventSchemas {
    private final JsonSchemas schemas = new JsonSchemas();

    /** Throws {@link InvalidEventException} unless {@code data} is valid for the schema of {@code type}. */
    public void validate(String type, JsonNode data) {
        List<String> violations;
        try {
            violations = schemas.violations(type, data);
        } catch (JsonSchemas.MissingSchemaException e) {
            throw new InvalidEventException(e.getMessage());
        }
        if (!violations.isEmpty()) {
            throw new InvalidEventException(
                    "event " + type + " does not match its schema: " + String.join("; ", violations));
        }
    }

    /** An event that has no schema or does not match it: a programming error of the publisher. */
    public static final class InvalidEventException extends RuntimeException {
        public InvalidEventException(String message) {
            super(message);
        }
    }
}
