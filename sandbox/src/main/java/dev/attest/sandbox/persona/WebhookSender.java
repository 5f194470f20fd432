package dev.attest.sandbox.persona;

import dev.attest.sandbox.WebhookHttp;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Delivers webhooks as Persona does: a JSON:API POST signed with {@code Persona-Signature}, retried with
 * backoff until the receiver answers 2xx within the timeout. The scenario of the tenant adds delays,
 * duplicates and reordering.
 */
@ApplicationScoped
class WebhookSender {
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final PersonaSandboxConfig config;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "persona-sandbox-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();

    WebhookSender(PersonaSandboxConfig config) {
        this.config = config;
        this.http = WebhookHttp.client(config.webhookTimeout());
    }

    void onStop(@Observes ShutdownEvent event) {
        scheduler.shutdownNow();
    }

    /** Sends the events of one step (in order, unless the scenario reverses them) to the tenant's URL. */
    void send(SandboxTenant tenant, List<WebhookEvent> events) {
        List<WebhookEvent> ordered = new ArrayList<>(events);
        if (tenant.scenario().reverseOrder()) {
            Collections.reverse(ordered);
        }
        List<WebhookEvent> copies = new ArrayList<>();
        for (WebhookEvent event : ordered) {
            for (int copy = 0; copy <= tenant.scenario().duplicates(); copy++) {
                copies.add(event);
            }
        }
        sendInOrder(tenant, copies, tenant.scenario().deliveryDelayMs());
    }

    /** Sends {@code events} one after the other, exactly in the given order, after {@code delayMs}. */
    void sendInOrder(SandboxTenant tenant, List<WebhookEvent> events, long delayMs) {
        Optional<String> url = tenant.webhookUrl().or(config::webhookUrl);
        if (url.isEmpty()) {
            return;
        }
        scheduler.schedule(
                () -> events.forEach(event -> attempt(tenant, url.get(), event, 1)), delayMs, TimeUnit.MILLISECONDS);
    }

    List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private void attempt(SandboxTenant tenant, String url, WebhookEvent event, int attempt) {
        int status = post(tenant, url, event, attempt);
        deliveries.add(
                new WebhookDelivery(event.id(), event.name(), event.inquiryId(), attempt, status, Instant.now()));
        if (status / 100 == 2 || attempt >= config.webhookAttempts()) {
            return;
        }
        long backoff = config.webhookRetryBackoff().toMillis() << Math.min(attempt - 1, 10);
        scheduler.schedule(() -> attempt(tenant, url, event, attempt + 1), backoff, TimeUnit.MILLISECONDS);
    }

    private int post(SandboxTenant tenant, String url, WebhookEvent event, int attempt) {
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.webhookTimeout())
                .header("Content-Type", "application/json")
                .header("Persona-Signature", WebhookSignature.header(tenant.webhookSecret(), timestamp, event.body()))
                .header("Persona-Webhook-Attempts-Made", Integer.toString(attempt - 1))
                .header("Persona-Webhook-Attempts-Left", Integer.toString(config.webhookAttempts() - attempt))
                .POST(HttpRequest.BodyPublishers.ofByteArray(event.body()))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            LOG.debugf("Webhook %s to %s failed: %s", event.id(), url, e.getMessage());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
