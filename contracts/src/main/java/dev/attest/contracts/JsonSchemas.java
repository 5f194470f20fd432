package dev.attest.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schema of every event type, in this module's resources at
 * {@code META-INF/attest/schemas/<type>.schema.json}, read from the class path once per type. The outbox
 * (attest-common's {@code EventSchemas}) and the tests' publisher (attest-test-support) check events with it.
 */
public final class JsonSchemas {
    public static final String LOCATION = "META-INF/attest/schemas/";

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build()));
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /**
     * What in {@code data} breaks the schema of {@code type}, sorted; empty when it matches. Each names where (a JSON
     * path, {@code $} for the whole object) and what, e.g. {@code $.seq: string found, integer expected}. {@code
     * format} is an annotation, not an assertion (the 2020-12 default).
     *
     * @throws MissingSchemaException when no schema of that name is on the class path
     */
    public List<String> violations(String type, JsonNode data) {
        return schemas.computeIfAbsent(type, this::load).validate(data).stream()
                .map(JsonSchemas::describe)
                .sorted()
                .toList();
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage();
    }

    private Schema load(String type) {
        String path = LOCATION + type + ".schema.json";
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new MissingSchemaException("no JSON Schema for event type " + type + " at " + path);
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** An event type without a schema: a programming error of whoever names it. */
    public static final class MissingSchemaException extends RuntimeException {
        public MissingSchemaException(String message) {
            super(message);
        }
    }
}
