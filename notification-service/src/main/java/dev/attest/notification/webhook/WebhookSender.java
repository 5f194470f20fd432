package dev.attest.notification.webhook;

import dev.attest.common.net.OutboundAddressGuard;
import dev.attest.notification.config.NotificationConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one webhook request to an already checked address. Redirects are never followed (a 3xx is a
 * failure), nothing is retried here (the delivery schedule does that), every request has a hard deadline,
 * and the answer is reduced to what an attempt records.
 *
 * <p>The request goes to the address the guard checked, never to a second DNS answer: the target
 * {@link HttpHost} carries that address, while the Host header, SNI and certificate check keep the
 * endpoint's name. Connections are pooled per address and reused only briefly.
 */
@ApplicationScoped
public class WebhookSender {
    /** How long an idle connection is kept: below common servers' idle timeouts (Node's is five seconds). */
    private static final TimeValue KEEP_IDLE = TimeValue.ofSeconds(2);

    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;
    private final Duration timeout;
    private final int bodyLimit;

    WebhookSender(NotificationConfig config) {
        this.timeout = config.webhooks().requestTimeout();
        this.bodyLimit = config.webhooks().responseBodyLimit();
        Timeout perStep = Timeout.of(timeout);
        int concurrency = config.webhooks().concurrency();
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(concurrency)
                        .setMaxConnPerRoute(concurrency)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(perStep)
                                .setSocketTimeout(perStep)
                                // A pooled connection idle for a moment is checked before reuse, so one the
                                // receiver closed in between is never written to.
                                .setValidateAfterInactivity(TimeValue.ofMilliseconds(500))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(perStep)
                        .setResponseTimeout(perStep)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(KEEP_IDLE)
                .setKeepAliveStrategy((response, context) -> KEEP_IDLE)
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
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
        HttpHost host = new HttpHost(target.tls() ? "https" : "http", target.address(), target.host(), target.port());
        HttpPost request = new HttpPost(path);
        headers.forEach(request::setHeader);
        request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));

        // The per-step timeouts do not bound a receiver that trickles its answer; this does.
        AtomicBoolean overdue = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(
                () -> {
                    overdue.set(true);
                    request.cancel();
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(host, request, null);
            Header retryAfter = response.getFirstHeader("retry-after");
            return new Outcome(
                    Optional.of(response.getCode()),
                    recordedPart(response.getEntity(), request),
                    retryAfter(retryAfter == null ? null : retryAfter.getValue()),
                    null);
        } catch (IOException e) {
            if (overdue.get()) {
                return failure("timeout after " + timeout.toSeconds() + " s");
            }
            return failure(e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            deadline.cancel(false);
            closeQuietly(response);
        }
    }

    /** The part of the answer an attempt records; a longer answer is cut off, its connection dropped. */
    private String recordedPart(HttpEntity entity, HttpPost request) throws IOException {
        if (entity == null) {
            return "";
        }
        InputStream content = entity.getContent();
        byte[] head = content.readNBytes(bodyLimit * 4); // up to four bytes a character
        if (content.read() != -1) {
            request.cancel(); // rather than read the rest only to close the connection cleanly
        }
        String text = new String(head, StandardCharsets.UTF_8);
        return text.length() <= bodyLimit ? text : text.substring(0, bodyLimit);
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        if (response == null) {
            return;
        }
        try {
            response.close();
        } catch (IOException alreadyRecorded) {
            // The outcome is decided; a connection that fails to close is simply not reused.
        }
    }

    private static Outcome failure(String error) {
        return new Outcome(Optional.empty(), null, Optional.empty(), error);
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
        deadlines.shutdownNow();
        client.close(CloseMode.IMMEDIATE);
    }
}
