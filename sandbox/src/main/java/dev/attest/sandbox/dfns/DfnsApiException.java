package dev.attest.sandbox.dfns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An error answered in Dfns's error format: {@code {"error":{"id","status","message","details"?}}}. */
public class DfnsApiException extends RuntimeException {
    private final int status;
    private final transient JsonNode details;

    DfnsApiException(int status, String message, JsonNode details) {
        super(message);
        this.status = status;
        this.details = details;
    }

    static DfnsApiException badRequest(String message) {
        return new DfnsApiException(400, message, null);
    }

    static DfnsApiException unauthorized(String message) {
        return new DfnsApiException(401, message, null);
    }

    static DfnsApiException forbidden(String message) {
        return new DfnsApiException(403, message, null);
    }

    static DfnsApiException notFound(String what) {
        return new DfnsApiException(404, what + " not found", null);
    }

    static DfnsApiException conflict(String message, JsonNode details) {
        return new DfnsApiException(409, message, details);
    }

    int status() {
        return status;
    }

    Response toResponse() {
        ObjectNode error = DfnsJson.object();
        error.put("id", UUID.randomUUID().toString());
        error.put("status", status);
        error.put("message", getMessage());
        if (details != null) {
            error.set("details", details);
        }
        ObjectNode body = DfnsJson.object();
        body.set("error", error);
        return DfnsJson.status(status, body);
    }

    /** Maps the sandbox's Dfns errors; scoped to this exception type, so it never answers for a host service. */
    public static class Mapper {
        @ServerExceptionMapper
        public Response map(DfnsApiException e) {
            return e.toResponse();
        }
    }
}
