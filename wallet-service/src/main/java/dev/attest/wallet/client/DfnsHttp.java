package dev.attest.wallet.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.attest.common.net.ProviderHttp;
import dev.attest.common.net.ProviderPath;
import dev.attest.common.net.ProviderRequest;
import dev.attest.wallet.config.WalletConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * One HTTP exchange with Dfns, raw: bearer token, optional user-action token, JSON in and out, the body sent as the
 * exact bytes that were signed. Classifies the answer: 2xx returned, 429/5xx/timeouts as
 * {@link DfnsUnavailableException}, other errors as {@link DfnsException} with Dfns's message. Package-private:
 * {@link DfnsClient} owns retries. Sent through common's {@link ProviderHttp}: one client span per exchange, measured
 * as {@code http.client.requests{clientName="dfns"}}, no trace context sent to Dfns.
 */
@ApplicationScoped
class DfnsHttp {
    static final String PROVIDER = "dfns";
    /** The circuit breaker's name ({@code CircuitBreakerMaintenance}): open means Dfns is treated as down. */
    static final String CIRCUIT = "dfns";

    private final ProviderHttp http;
    private final Duration timeout;

    /** A 2xx answer: 200 done, 202 waiting for a policy approval. */
    record Answer(int status, JsonNode body) {}

    DfnsHttp(WalletConfig config, ProviderHttp http) {
        this.http = http;
        this.timeout = config.dfns().requestTimeout();
    }

    /**
     * Sends {@code method} {@code path} to the organization's Dfns API base URL, connecting to {@code connectTo}, the
     * address its host was checked at.
     */
    // The breaker opens when Dfns keeps failing, so callers fail fast instead of piling up timeouts.
    @CircuitBreaker(
            requestVolumeThreshold = 20,
            failureRatio = 0.75,
            delay = 10_000,
            successThreshold = 2,
            failOn = DfnsUnavailableException.class)
    @CircuitBreakerName(CIRCUIT)
    Answer exchange(
            DfnsCredentials credentials,
            String method,
            ProviderPath path,
            String body,
            String userAction,
            InetAddress connectTo) {
        ProviderRequest request = ProviderRequest.to(PROVIDER, method, credentials.apiBaseUrl(), path)
                .header("Authorization", "Bearer " + credentials.token())
                .header("Accept", "application/json")
                .timeouts(timeout, timeout)
                .connectTo(connectTo);
        if (body != null) {
            request.header("Content-Type", "application/json").body(body.getBytes(StandardCharsets.UTF_8));
        }
        if (userAction != null) {
            request.header("x-dfns-useraction", userAction);
        }
        credentials.appId().ifPresent(appId -> request.header("X-DFNS-APPID", appId));
        ProviderHttp.Answer response;
        try {
            response = http.exchange(request);
        } catch (IOException e) {
            throw new DfnsUnavailableException("Dfns did not answer " + method + " " + path.template() + ": " + e, e);
        }
        JsonNode json = parse(response.body());
        int status = response.status();
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

    private static JsonNode parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? MissingNode.getInstance() : DfnsClient.JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
