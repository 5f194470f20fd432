package dev.attest.notification.webhook;

import dev.attest.common.net.OutboundAddressGuard;
import dev.attest.notification.config.NotificationConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one webhook request to an already checked address. Redirects are never followed (a 3xx is a
 * failure), every request has a deadline, and the answer is reduced to what an attempt records.
 */
@ApplicationScoped
public class WebhookSender {
    private final HttpClient client;
    private final Duration timeout;
    private final int bodyLimit;

    WebhookSender(Vertx vertx, NotificationConfig config) {
        this.timeout = config.webhooks().requestTimeout();
        this.bodyLimit = config.webhooks().responseBodyLimit();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setKeepAlive(false)
                .setForceSni(true)
                .setMaxRedirects(0));
    }

    /** What came back from one request; {@code statusCode} is empty when there was no answer. */
    public record Outcome(
            Optional<Integer> statusCode, String responseBody, Optional<Duration> retryAfter, String error) {
        public boolean succeeded() {
            return statusCode.isPresent() && statusCode.get() >= 200 && statusCode.get() < 300;
        }
    }

    public Outcome send(OutboundAddressGuard.Target target, Map<String, String> headers, String body) {
        String path =
                target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty()
                        ? "/"
                        : target.uri().getRawPath();
        if (target.uri().getRawQuery() != null) {
            path += "?" + target.uri().getRawQuery();
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                // Connect to the address the guard checked, while Host and SNI keep the endpoint's name.
                .setServer(
                        SocketAddress.inetSocketAddress(target.port(), OutboundAddressGuard.literal(target.address())))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.tls())
                .setURI(path)
                .setFollowRedirects(false)
                .setTimeout(timeout.toMillis());
        headers.forEach(options::putHeader);
        options.putHeader("content-type", "application/json");
        try {
            return client.request(options)
                    .compose(request -> request.send(Buffer.buffer(body)))
                    .compose(response -> response.body()
                            .map(answer -> new Outcome(
                                    Optional.of(response.statusCode()),
                                    truncate(answer.toString()),
                                    retryAfter(response.getHeader("retry-after")),
                                    null)))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return failure("timeout after " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return failure(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure("interrupted");
        }
    }

    private static Outcome failure(String error) {
        return new Outcome(Optional.empty(), null, Optional.empty(), error);
    }

    private String truncate(String text) {
        return text.length() <= bodyLimit ? text : text.substring(0, bodyLimit);
    }

    /** {@code Retry-After} as seconds or an HTTP date; anything else is ignored. */
    static Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim()))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (RuntimeException notADate) {
                return Optional.empty();
            }
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
