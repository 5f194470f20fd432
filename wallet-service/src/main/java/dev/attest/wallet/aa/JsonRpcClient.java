package dev.attest.wallet.aa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * JSON-RPC 2.0 over HTTP, as bundlers (ERC-4337) and paymaster services (ERC-7677) speak it. HTTP/1.1: alto, for
 * one, does not answer the JDK client's HTTP/2 upgrade. No answer, a 5xx or a 429 is {@link Unavailable} (try again
 * later); a JSON-RPC error is {@link RpcError} (the server refused this request).
 */
final class JsonRpcClient {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();

    private final ObjectMapper json;
    private final URI url;
    private final Optional<String> bearer;
    private final Duration timeout;

    JsonRpcClient(ObjectMapper json, String url, Optional<String> bearer, Duration timeout) {
        this.json = json;
        this.url = URI.create(url);
        this.bearer = bearer;
        this.timeout = timeout;
    }

    /** The server could not be reached or did not answer usefully: nothing is known to have happened. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The server answered with a JSON-RPC error. */
    static final class RpcError extends RuntimeException {
        final long code;

        RpcError(long code, String message) {
            super(message);
            this.code = code;
        }
    }

    JsonNode call(String method, JsonNode... params) {
        ObjectNode request =
                json.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
        ArrayNode array = request.putArray("params");
        for (JsonNode param : params) {
            array.add(param);
        }
        HttpRequest.Builder http = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString()));
        bearer.ifPresent(key -> http.header("Authorization", "Bearer " + key));
        HttpResponse<String> response;
        try {
            response = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable(method + ": no answer from " + url.getHost(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(method + ": interrupted", e);
        }
        if (response.statusCode() == 429 || response.statusCode() >= 500) {
            throw new Unavailable(method + ": HTTP " + response.statusCode(), null);
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            throw new Unavailable(method + ": an answer that is not JSON (HTTP " + response.statusCode() + ")", e);
        }
        if (answer.hasNonNull("error")) {
            JsonNode error = answer.get("error");
            throw new RpcError(
                    error.path("code").asLong(), error.path("message").asText("refused"));
        }
        if (!answer.has("result")) {
            throw new Unavailable(method + ": an answer without result (HTTP " + response.statusCode() + ")", null);
        }
        return answer.get("result");
    }
}
