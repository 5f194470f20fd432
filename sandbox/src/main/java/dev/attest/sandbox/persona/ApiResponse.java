package dev.attest.sandbox.persona;

import com.fasterxml.jackson.databind.JsonNode;

/** What an API call answers, before rate-limit headers are added. */
record ApiResponse(int status, JsonNode body) {

    static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body);
    }

    static ApiResponse error(int status, String title, String details) {
        return new ApiResponse(status, PersonaJson.errors(title, details, null));
    }
}
