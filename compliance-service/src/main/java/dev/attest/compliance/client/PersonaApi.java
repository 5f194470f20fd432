package dev.attest.compliance.client;

import dev.attest.common.tracing.ProviderSpans;
import dev.attest.compliance.config.ComplianceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The raw HTTP exchange with Persona: Bearer key, pinned {@code Persona-Version}, kebab-case keys,
 * {@code Idempotency-Key} on POSTs. No retries or error translation here; {@link PersonaClient} owns them. Each
 * exchange is a client span ({@link ProviderSpans}).
 */
@ApplicationScoped
class PersonaApi {
    private final ComplianceConfig.Persona config;
    private final HttpClient http;
    private final ProviderSpans spans;

    PersonaApi(ComplianceConfig config, ProviderSpans spans) {
        this.config = config.persona();
        this.spans = spans;
        this.http = HttpClient.newBuilder()
                .connectTimeout(this.config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    record Answer(int status, Optional<String> retryAfter, byte[] body) {}

    Answer send(String method, String path, String apiKey, String idempotencyKey, byte[] body) throws IOException {
        return send(method, path, apiKey, idempotencyKey, body, config.requestTimeout());
    }

    /** As {@link #send(String, String, String, String, byte[])}; a null {@code apiKey} sends no credentials. */
    Answer send(String method, String path, String apiKey, String idempotencyKey, byte[] body, Duration timeout)
            throws IOException {
        URI uri = URI.create(baseUrl() + "/api/v1" + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Persona-Version", config.version())
                .header("Key-Inflection", "kebab")
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return spans.http("persona", method, uri, () -> {
            try {
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                ProviderSpans.status(response.statusCode());
                return new Answer(response.statusCode(), response.headers().firstValue("Retry-After"), response.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while calling Persona", e);
            }
        });
    }

    /**
     * Read at each call rather than once: in tests the sandbox shares the service's random port, which is
     * known only after startup.
     */
    private String baseUrl() {
        String url = ConfigProvider.getConfig()
                .getOptionalValue("attest.compliance.persona.base-url", String.class)
                .orElse(config.baseUrl());
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
