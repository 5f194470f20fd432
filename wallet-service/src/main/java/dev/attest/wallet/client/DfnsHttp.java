package dev.attest.wallet.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.attest.common.tracing.ProviderSpans;
import dev.attest.wallet.config.WalletConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * One HTTP exchange with Dfns, raw: bearer token, optional user-action token, JSON in and out. Classifies
 * the answer: 2xx returned, 429/5xx/timeouts as {@link DfnsUnavailableException}, other errors as
 * {@link DfnsException} with Dfns's message. Package-private: {@link DfnsClient} owns retries. Each exchange is a
 * client span ({@link ProviderSpans}).
 */
@ApplicationScoped
class DfnsHttp {
    private final HttpClient http;
    private final Duration timeout;
    private final ProviderSpans spans;

    /** A 2xx answer: 200 done, 202 waiting for a policy approval. */
    record Answer(int status, JsonNode body) {}

    DfnsHttp(WalletConfig config, ProviderSpans spans) {
        this.spans = spans;
        this.timeout = config.dfns().requestTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    // The breaker opens when Dfns keeps failing, so callers fail fast instead of piling up timeouts.
    @CircuitBreaker(
            requestVolumeThreshold = 20,
            failureRatio = 0.75,
            delay = 10_000,
            successThreshold = 2,
            failOn = DfnsUnavailableException.class)
    Answer exchange(DfnsCredentials credentials, String method, URI uri, String body, String userAction) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + credentials.token())
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (userAction != null) {
            request.header("x-dfns-useraction", userAction);
        }
        credentials.appId().ifPresent(appId -> request.header("X-DFNS-APPID", appId));
        HttpResponse<String> response = spans.http("dfns", method, uri, () -> {
            try {
                HttpResponse<String> answer =
                        http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                ProviderSpans.status(answer.statusCode());
                return answer;
            } catch (IOException e) {
                throw new DfnsUnavailableException("Dfns did not answer " + method + " " + uri.getPath() + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DfnsUnavailableException("interrupted while calling Dfns", e);
            }
        });
        JsonNode json = parse(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Answer(status, json);
        }
        String message =
                json.path("error").path("message").asText(json.path("message").asText("HTTP " + status));
        if (status == 429 || status >= 500) {
            throw new DfnsUnavailableException("Dfns answered " + status + ": " + message);
        }
        throw new DfnsException(status, message);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? MissingNode.getInstance() : DfnsClient.JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
