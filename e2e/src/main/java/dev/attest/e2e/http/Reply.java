package dev.attest.e2e.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.attest.e2e.StepFailed;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Arrays;

/** An HTTP answer; {@link #expect} turns an unexpected status into a failure that quotes the problem. */
public record Reply(String request, int status, String body, HttpResponse<String> response) {

    public JsonNode json() {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return HttpJson.JSON.readTree(body);
        } catch (IOException e) {
            throw new StepFailed(request + " answered " + status + " with a body that is not JSON: " + abbreviated());
        }
    }

    public Reply expect(int... statuses) {
        if (Arrays.stream(statuses).noneMatch(s -> s == status)) {
            throw new StepFailed(request + " answered " + status + " (expected " + Arrays.toString(statuses) + "): "
                    + abbreviated());
        }
        return this;
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private String abbreviated() {
        String text = body == null ? "" : body.replaceAll("\\s+", " ");
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
