package dev.attest.compliance.service;

import dev.attest.common.tracing.WorkSpans;
import dev.attest.common.work.DurableWork.Pass;
import dev.attest.common.work.Workers;
import dev.attest.compliance.StoredWebhook;
import dev.attest.compliance.repository.WebhookTurns;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The loop every provider's webhook processor runs (claim the next organization's oldest webhook, apply it in its own
 * transaction, count a failure until it is set aside), written once so that each provider supplies only its apply step.
 */
final class ProviderWebhookWorker<W extends StoredWebhook> {
    /** Attempts before a webhook that keeps failing is set aside as {@code failed}. */
    static final int MAX_ATTEMPTS = 5;
    /** Webhooks per pass: a pass ends at a bounded point, so a stop is not held up by a long backlog. */
    private static final int BATCH = 100;

    private static final Logger LOG = Logger.getLogger(ProviderWebhookWorker.class);

    private final String name;
    private final String provider;
    private final WebhookTurns<W> webhooks;
    private final Function<W, String> apply;
    private final Workers workers;
    private final WorkSpans spans;
    private final Duration pollInterval;
    /** The organization served last: the next turn goes to the next one after it. */
    private final AtomicReference<String> lastServed = new AtomicReference<>("");

    /**
     * @param name the durable work's name
     * @param provider the provider's name in logs ({@code Persona})
     * @param apply applies one webhook to its case (in the worker's transaction) and returns the webhook's new state
     */
    ProviderWebhookWorker(
            String name,
            String provider,
            WebhookTurns<W> webhooks,
            Function<W, String> apply,
            Workers workers,
            WorkSpans spans,
            Duration pollInterval) {
        this.name = name;
        this.provider = provider;
        this.webhooks = webhooks;
        this.apply = apply;
        this.workers = workers;
        this.spans = spans;
        this.pollInterval = pollInterval;
    }

    /** How often to look for stored webhooks when no receipt woke the worker ({@code webhooks.poll-interval}). */
    Duration pollInterval() {
        return pollInterval;
    }

    /** Asks the worker to look for stored webhooks now. */
    void wake() {
        workers.wake(name);
    }

    Pass runPass() {
        int processed = 0;
        while (processed < BATCH && processNext()) {
            processed++;
        }
        return Pass.ofBatch(processed, BATCH);
    }

    /**
     * Processes the next organization's oldest stored webhook; returns whether there was one. A failure rolls its effect
     * back and counts an attempt, so a webhook that keeps failing is set aside instead of stalling the rest.
     */
    boolean processNext() {
        AtomicReference<String[]> current = new AtomicReference<>();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Optional<W> next = webhooks.lockNextReceivedAfter(lastServed.get());
                next.ifPresent(webhook -> {
                    current.set(new String[] {webhook.orgId, webhook.eventId});
                    lastServed.set(webhook.orgId);
                    // In the trace of the delivery that brought it: the case's events join that trace.
                    spans.handling(name, "apply", webhook.traceparent, () -> webhook.processed(apply.apply(webhook)));
                });
                return next.isPresent();
            });
        } catch (RuntimeException e) {
            String[] key = current.get();
            if (key == null) {
                throw e;
            }
            LOG.warnf(e, "Processing %s event %s of org %s failed", provider, key[1], key[0]);
            QuarkusTransaction.requiringNew()
                    .run(() ->
                            webhooks.recordFailure(key[0], key[1], e.getClass().getName(), MAX_ATTEMPTS));
            return true;
        }
    }
}
