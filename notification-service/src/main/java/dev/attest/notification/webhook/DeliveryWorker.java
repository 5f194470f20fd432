package dev.attest.notification.webhook;

import dev.attest.common.net.OutboundAddressGuard;
import dev.attest.common.net.RefusedAddressException;
import dev.attest.common.work.DurableWork;
import dev.attest.common.work.Workers;
import dev.attest.notification.WebhookDelivery;
import dev.attest.notification.WebhookEndpoint;
import dev.attest.notification.WebhookMessage;
import dev.attest.notification.config.NotificationConfig;
import dev.attest.notification.events.WebhookFailed;
import dev.attest.notification.repository.WebhookDeliveryRepository;
import dev.attest.notification.repository.WebhookEndpointRepository;
import dev.attest.notification.repository.WebhookMessageRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Delivers due webhooks. A pass claims due deliveries with {@code FOR UPDATE SKIP LOCKED} and leases them
 * (their next attempt moves past the request deadline, so a crash mid-request only delays a retry), sends
 * them in parallel outside any transaction, then records each outcome. Everything it needs to go on after
 * a restart is in the database. A durable work run by {@link Workers}; a finished request wakes it, so a freed
 * slot is taken up at once.
 */
@ApplicationScoped
public class DeliveryWorker implements DurableWork {
    public static final String NAME = "webhook-delivery";

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;
    private final WebhookMessageRepository messages;
    private final EndpointSecrets secrets;
    private final EndpointRateLimiter rateLimiter;
    private final OutboundAddressGuard guard;
    private final WebhookSender sender;
    private final AttemptRecorder recorder;
    private final DeliveryOutcomes outcomes;
    private final NotificationConfig config;
    private final Clock clock;
    private final Workers workers;
    private final ExecutorService requests;
    /** Free request slots: a pass claims no more than it can start at once. */
    private final Semaphore slots;

    DeliveryWorker(
            WebhookDeliveryRepository deliveries,
            WebhookEndpointRepository endpoints,
            WebhookMessageRepository messages,
            EndpointSecrets secrets,
            EndpointRateLimiter rateLimiter,
            OutboundAddressGuard guard,
            WebhookSender sender,
            AttemptRecorder recorder,
            DeliveryOutcomes outcomes,
            NotificationConfig config,
            Clock clock,
            Workers workers) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.messages = messages;
        this.secrets = secrets;
        this.rateLimiter = rateLimiter;
        this.guard = guard;
        this.sender = sender;
        this.recorder = recorder;
        this.outcomes = outcomes;
        this.config = config;
        this.clock = clock;
        this.workers = workers;
        this.requests = Executors.newFixedThreadPool(config.webhooks().concurrency());
        this.slots = new Semaphore(config.webhooks().concurrency());
    }

    /** A leased delivery with everything its request needs. */
    record Claim(
            UUID deliveryId,
            String messageId,
            String url,
            Map<String, String> customHeaders,
            List<String> signingSecrets,
            String payload,
            Instant attemptedAt) {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration pollInterval() {
        return config.webhooks().pollInterval();
    }

    /** Starts what the free slots allow without waiting: a slow request holds its slot, never the next pass. */
    @Override
    public Pass runPass() {
        int free = freeSlots();
        return Pass.ofBatch(dispatchDue().size(), Math.max(1, free));
    }

    /**
     * Makes one attempt of every due delivery the rate limits and free slots allow, and waits for them (the
     * scheduled pass does not wait); returns how many attempts were made.
     */
    public int deliverDue() {
        List<CompletableFuture<Void>> started = dispatchDue();
        CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
        return started.size();
    }

    /** Claims as many due deliveries as there are free request slots and starts their requests. */
    List<CompletableFuture<Void>> dispatchDue() {
        int free = freeSlots();
        if (free == 0) {
            return List.of();
        }
        List<Claim> claims = QuarkusTransaction.requiringNew().call(() -> claimDue(free));
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (Claim claim : claims) {
            slots.acquireUninterruptibly();
            started.add(
                    CompletableFuture.runAsync(() -> attempt(claim), requests).whenComplete((done, error) -> {
                        slots.release();
                        workers.wake(NAME);
                    }));
        }
        return started;
    }

    private int freeSlots() {
        return Math.min(slots.availablePermits(), config.webhooks().batchSize());
    }

    /** Claims and leases due deliveries without sending them: what a worker that then crashes leaves behind. */
    List<Claim> claimDue() {
        return claimDue(config.webhooks().batchSize());
    }

    private List<Claim> claimDue(int limit) {
        Instant now = clock.instant();
        Instant leaseUntil =
                now.plus(config.webhooks().requestTimeout().multipliedBy(2)).plus(Duration.ofSeconds(10));
        List<Claim> claims = new ArrayList<>();
        List<WebhookDelivery> due =
                new ArrayList<>(deliveries.lockDue(now, limit, config.webhooks().defaultRateLimit()));
        // Buckets are locked in endpoint id order (see EndpointRateLimiter), each endpoint's oldest first.
        due.sort(Comparator.comparing((WebhookDelivery d) -> d.endpointId)
                .thenComparing(d -> d.nextAttemptAt)
                .thenComparing(d -> d.createdAt));
        for (WebhookDelivery delivery : due) {
            WebhookEndpoint endpoint = endpoints.findById(delivery.endpointId);
            delivery.updatedAt = now;
            if (endpoint == null || !endpoint.enabled) {
                delivery.status = WebhookDelivery.FAILED; // recoverable once the endpoint is enabled again
                delivery.nextAttemptAt = null;
                if (endpoint != null) {
                    outcomes.failed(delivery, endpoint, WebhookFailed.ENDPOINT_DISABLED);
                }
                continue;
            }
            int perSecond = endpoint.rateLimit != null
                    ? endpoint.rateLimit
                    : config.webhooks().defaultRateLimit();
            Optional<Instant> throttledUntil = rateLimiter.acquire(endpoint.id, perSecond);
            if (throttledUntil.isPresent()) {
                delivery.nextAttemptAt = throttledUntil.get(); // buffered, never dropped
                continue;
            }
            delivery.nextAttemptAt = leaseUntil;
            WebhookMessage message = messages.findById(delivery.messageId);
            claims.add(new Claim(
                    delivery.id,
                    message.id,
                    endpoint.url,
                    endpoint.headers == null ? Map.of() : Map.copyOf(endpoint.headers),
                    secrets.signingSecrets(endpoint, now),
                    message.payload,
                    now));
        }
        return claims;
    }

    private void attempt(Claim claim) {
        long started = System.nanoTime();
        WebhookSender.Outcome outcome;
        try {
            // Checked again at connect time, and the request goes to the address checked here.
            OutboundAddressGuard.Target target = guard.check(claim.url());
            outcome = sender.send(target, headers(claim), claim.payload());
        } catch (RefusedAddressException e) {
            outcome = new WebhookSender.Outcome(Optional.empty(), null, Optional.empty(), e.getMessage());
        }
        long latencyMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        WebhookSender.Outcome result = outcome;
        QuarkusTransaction.requiringNew().run(() -> recorder.record(claim, result, latencyMs));
    }

    private static Map<String, String> headers(Claim claim) {
        long timestamp = claim.attemptedAt().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>(claim.customHeaders());
        headers.put("user-agent", "Attest-Webhooks/1");
        headers.put("webhook-id", claim.messageId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put(
                "webhook-signature",
                WebhookSigner.signature(claim.signingSecrets(), claim.messageId(), timestamp, claim.payload()));
        return headers;
    }

    @PreDestroy
    void stop() {
        requests.shutdownNow();
    }
}
