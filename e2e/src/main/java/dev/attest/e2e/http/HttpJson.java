package dev.attest.e2e.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.e2e.StepFailed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * JSON over HTTP with the JDK's client: what a plain integrator would write, nothing of the platform's
 * own code. Every call has a timeout; a transport error becomes a {@link StepFailed} naming the URL.
 */
public final class HttpJson {
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;

    public HttpJson() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** Over a client of the caller's choice (the benchmark's: HTTP/1.1, one connection per live stream). */
    public HttpJson(HttpClient client) {
        this.client = client;
    }

    public HttpClient client() {
        return client;
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public Reply get(String url, String bearer) {
        return send("GET", url, bearer, null, Map.of());
    }

    public Reply post(String url, String bearer, JsonNode body) {
        return send("POST", url, bearer, body, Map.of());
    }

    public Reply put(String url, String bearer, JsonNode body) {
        return send("PUT", url, bearer, body, Map.of());
    }

    public Reply send(String method, String url, String bearer, JsonNode body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        if (headers.keySet().stream().noneMatch("Accept"::equalsIgnoreCase)) {
            request.header("Accept", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        return exchange(request.build());
    }

    /** A form post (OAuth token requests, the sandbox's hosted page). */
    public Reply postForm(String url, String bearer, Map<String, String> form) {
        StringBuilder encoded = new StringBuilder();
        form.forEach((name, value) -> {
            if (encoded.length() > 0) {
                encoded.append('&');
            }
            encoded.append(encode(name)).append('=').append(encode(value));
        });
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded.toString()));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return exchange(request.build());
    }

    private Reply exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(request.method() + " " + request.uri(), response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new StepFailed(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailed("interrupted during " + request.uri(), e);
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
