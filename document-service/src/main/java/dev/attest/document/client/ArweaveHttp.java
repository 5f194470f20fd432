package dev.attest.document.client;

import dev.attest.common.net.ProviderHttp;
import dev.attest.common.net.ProviderPath;
import dev.attest.common.net.ProviderRequest;
import dev.attest.document.config.DocumentConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * One HTTP exchange with the Arweave gateway, through common's {@link ProviderHttp}: one client span per exchange,
 * measured as {@code http.client.requests{clientName="arweave"}} by path template, no trace context sent. No answer
 * is an {@link ArweaveUnavailableException}; any answer is returned for {@link ArweaveGateway} to read. Guarded by a
 * circuit breaker: a gateway that keeps failing is left alone for a while, and the storage work's own retry schedule
 * (not this class) decides when a document is tried again.
 */
@ApplicationScoped
class ArweaveHttp {
    static final String PROVIDER = "arweave";
    /** The circuit breaker's name ({@code CircuitBreakerMaintenance}): open means the gateway is treated as down. */
    static final String CIRCUIT = "arweave-gateway";

    private final ProviderHttp http;
    private final String base;
    private final Duration timeout;

    ArweaveHttp(DocumentConfig config, ProviderHttp http) {
        this.http = http;
        this.base = config.arweave().gatewayUrl();
        this.timeout = config.arweave().requestTimeout();
    }

    @CircuitBreaker(
            requestVolumeThreshold = 20,
            failureRatio = 0.75,
            delay = 10_000,
            successThreshold = 2,
            failOn = ArweaveUnavailableException.class)
    @CircuitBreakerName(CIRCUIT)
    ProviderHttp.Answer exchange(String method, ProviderPath path, byte[] json) {
        ProviderRequest request =
                ProviderRequest.to(PROVIDER, method, base, path).timeouts(Duration.ofSeconds(5), timeout);
        if (json != null) {
            request.header("Content-Type", "application/json").body(json);
        }
        ProviderHttp.Answer answer;
        try {
            answer = http.exchange(request);
        } catch (IOException e) {
            // The exception's class only: its message may quote the gateway's address.
            throw new ArweaveUnavailableException(
                    method + " " + path.template() + " failed: " + e.getClass().getSimpleName());
        }
        int status = answer.status();
        if (status >= 500 || status == 429 || status == 408) {
            throw new ArweaveUnavailableException(method + " " + path.template() + " answered " + status);
        }
        return answer;
    }
}
