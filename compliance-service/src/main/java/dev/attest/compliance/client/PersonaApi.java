package dev.attest.compliance.client;

import dev.attest.common.net.ProviderHttp;
import dev.attest.common.net.ProviderPath;
import dev.attest.common.net.ProviderRequest;
import dev.attest.compliance.config.ComplianceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The raw HTTP exchange with Persona: Bearer key (each organization's own), pinned {@code Persona-Version},
 * kebab-case keys, {@code Idempotency-Key} on POSTs, connect and request timeouts. No retries or error translation
 * here; {@link PersonaClient} owns them. Sent through common's {@link ProviderHttp}: one client span per exchange,
 * measured as {@code http.client.requests{clientName="persona"}}, no trace context sent to Persona.
 */
@ApplicationScoped
class PersonaApi {
    static final String PROVIDER = "persona";

    private final ComplianceConfig.Persona config;
    private final ProviderHttp http;

    PersonaApi(ComplianceConfig config, ProviderHttp http) {
        this.config = config.persona();
        this.http = http;
    }

    record Answer(int status, Optional<String> retryAfter, byte[] body) implements ProviderGuards.Answer {}

    Answer send(String method, ProviderPath path, String apiKey, String idempotencyKey, byte[] body)
            throws IOException {
        return send(method, path, apiKey, idempotencyKey, body, config.requestTimeout());
    }

    /** As {@link #send(String, ProviderPath, String, String, byte[])}; a null {@code apiKey} sends no credentials. */
    Answer send(String method, ProviderPath path, String apiKey, String idempotencyKey, byte[] body, Duration timeout)
            throws IOException {
        ProviderRequest request = ProviderRequest.to(PROVIDER, method, baseUrl() + "/api/v1", path)
                .header("Persona-Version", config.version())
                .header("Key-Inflection", "kebab")
                .header("Accept", "application/json")
                .body(body)
                .timeouts(config.connectTimeout(), timeout);
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        ProviderHttp.Answer answer = http.exchange(request);
        return new Answer(answer.status(), answer.header("Retry-After"), answer.body());
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
