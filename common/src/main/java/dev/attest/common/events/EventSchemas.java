package dev.attest.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The JSON Schema of every event type, kept beside the code of the service that publishes it under
 * {@code META-INF/attest/schemas/<type>.schema.json}. The outbox validates each event before it is
 * written, so an event that does not match its schema is a failed transaction, never a message that
 * consumers have to survive.
 */
@ApplicationScoped
public class EventSchemas {
    static final String LOCATION = "META-INF/attest/schemas/";

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    /** Throws {@link InvalidEventException} unless {@code data} is valid for the schema of {@code type}. */
    public void validate(String type, JsonNode data) {
        Set<ValidationMessage> errors = schemaOf(type).validate(data);
        if (!errors.isEmpty()) {
            String detail =
                    errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; "));
            throw new InvalidEventException("event " + type + " does not match its schema: " + detail);
        }
    }

    private JsonSchema schemaOf(String type) {
        return schemas.computeIfAbsent(type, this::load);
    }

    private JsonSchema load(String type) {
        String path = LOCATION + type + ".schema.json";
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new InvalidEventException("no JSON Schema for event type " + type + " at " + path);
            }
            return factory.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** An event that has no schema or does not match it: a programming error of the publisher. */
    public static final class InvalidEventException extends RuntimeException {
        public InvalidEventException(String message) {
            super(message);
        }
    }
}
