package dev.attest.sandbox.sumsub;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** An error answered in Sumsub's shape: {@code {"description", "code", "correlationId"}}. */
final class SumsubError extends WebApplicationException {
    static final ObjectMapper JSON = new ObjectMapper();

    SumsubError(int code, String description) {
        super(description, response(code, description));
    }

    private static Response response(int code, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("description", description);
        body.put("code", code);
        body.put("correlationId", "req-" + UUID.randomUUID());
        return Response.status(code)
                .type(MediaType.APPLICATION_JSON)
                .entity(JSON.valueToTree(body).toString())
                .build();
    }
}
