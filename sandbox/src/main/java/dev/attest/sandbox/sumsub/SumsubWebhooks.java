package dev.attest.sandbox.sumsub;

import dev.attest.sandbox.WebhookHttp;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers webhooks as Sumsub does: a JSON POST with {@code X-Payload-Digest} and {@code X-Payload-Digest-Alg},
 * resent on a non-2xx answer, a timeout or a refused connection after each of the configured delays (Sumsub's
 * schedule by default). Deliveries are sent one at a time, in the order they were made, as the tests and a
 * receiver's ordering checks expect.
 */
@ApplicationScoped
class SumsubWebhooks {
    private final SumsubSandboxConfig config;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sumsub-sandbox-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    /** One attempt: what was sent where, and the receiver's status (0: no answer). */
    record Delivery(String applicantId, String type, int attempt, int status, Instant at) {}

    SumsubWebhooks(SumsubSandboxConfig config) {
        this.config = config;
        this.http = WebhookHttp.client(config.webhookTimeout());
    }

    void onStop(@Observes ShutdownEvent event) {
        scheduler.shutdownNow();
    }

    void send(SumsubApp app, String applicantId, String type, byte[] body) {
        if (app.webhookUrl().isEmpty()) {
            deliveries.add(new Delivery(applicantId, type, 0, 0, Instant.now()));
            return;
        }
        scheduler.execute(() -> attempt(app, applicantId, type, body, 1));
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private void attempt(SumsubApp app, String applicantId, String type, byte[] body, int attempt) {
        int status = post(app, body);
        deliveries.add(new Delivery(applicantId, type, attempt, status, Instant.now()));
        List<java.time.Duration> delays = config.webhookRetryDelays();
        if (status / 100 == 2 || attempt > delays.size()) {
            return;
        }
        scheduler.schedule(
                () -> attempt(app, applicantId, type, body, attempt + 1),
                delays.get(attempt - 1).toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private int post(SumsubApp app, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.webhookUrl().orElseThrow()))
                .timeout(config.webhookTimeout())
                .header("Content-Type", "application/json")
                .header("X-Payload-Digest", SumsubSignatures.payloadDigest(app.digestAlg(), app.webhookSecret(), body))
                .header("X-Payload-Digest-Alg", app.digestAlg().name())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
