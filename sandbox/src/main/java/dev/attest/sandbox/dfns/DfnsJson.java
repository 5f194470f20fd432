package dev.attest.sandbox.dfns;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Dfns speaks camelCase JSON. The sandbox may run inside a service whose global mapper writes snake_case,
 * so the Dfns stand-in reads and writes its bodies with a mapper of its own and never through the
 * application's.
 */
final class DfnsJson {
    static final ObjectMapper MAPPER = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private DfnsJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses a request body; a body that is not a JSON object is the client's error. */
    static ObjectNode parseObject(String body) {
        try {
            JsonNode node = MAPPER.readTree(body == null ? "" : body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // answered below
        }
        throw DfnsApiException.badRequest("Request body must be a JSON object");
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Response ok(JsonNode body) {
        return status(200, body);
    }

    static Response status(int status, JsonNode body) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(write(body))
                .build();
    }
}
