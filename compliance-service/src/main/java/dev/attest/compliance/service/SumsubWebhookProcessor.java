package dev.attest.compliance.service;

import dev.attest.common.tracing.WorkSpans;
import dev.attest.common.work.DurableWork;
import dev.attest.common.work.Workers;
import dev.attest.compliance.KycCase;
import dev.attest.compliance.PersonaWebhook;
import dev.attest.compliance.SumsubWebhook;
import dev.attest.compliance.client.SumsubKycProvider;
import dev.attest.compliance.client.SumsubReview;
import dev.attest.compliance.config.ComplianceConfig;
import dev.attest.compliance.repository.KycCaseRepository;
import dev.attest.compliance.repository.SumsubWebhookRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Applies stored Sumsub webhooks to their cases, each in its own transaction, as {@link PersonaWebhookProcessor} does
 * Persona's: steps recorded (they converge on their own), the case moved only by an event newer than what it shows
 * ({@code createdAtMs}), organizations taking turns, a webhook that keeps failing set aside after 5 attempts.
 */
@ApplicationScoped
public class SumsubWebhookProcessor implements DurableWork {
    public static final String NAME = "sumsub-webhooks";
    private static final Logger LOG = Logger.getLogger(SumsubWebhookProcessor.class);
    static final int MAX_ATTEMPTS = 5;
    private static final int BATCH = 100;

    private final SumsubWebhookRepository webhooks;
    private final KycCaseRepository cases;
    private final CaseTransitions transitions;
    private final VerificationSteps steps;
    private final Workers workers;
    private final WorkSpans spans;
    private final Duration pollInterval;
    private final AtomicReference<String> lastServed = new AtomicReference<>("");

    SumsubWebhookProcessor(
            SumsubWebhookRepository webhooks,
            KycCaseRepository cases,
            CaseTransitions transitions,
            VerificationSteps steps,
            Workers workers,
            WorkSpans spans,
            ComplianceConfig config) {
        this.webhooks = webhooks;
        this.cases = cases;
        this.transitions = transitions;
        this.steps = steps;
        this.workers = workers;
        this.spans = spans;
        this.pollInterval = config.webhooks().pollInterval();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration pollInterval() {
        return pollInterval;
    }

    public void wake() {
        workers.wake(NAME);
    }

    @Override
    public Pass runPass() {
        int processed = 0;
        while (processed < BATCH && processNext()) {
            processed++;
        }
        return Pass.ofBatch(processed, BATCH);
    }

    boolean processNext() {
        AtomicReference<SumsubWebhook.Key> current = new AtomicReference<>();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Optional<SumsubWebhook> next = webhooks.lockNextReceivedAfter(lastServed.get());
                next.ifPresent(webhook -> {
                    current.set(new SumsubWebhook.Key(webhook.orgId, webhook.eventId));
                    lastServed.set(webhook.orgId);
                    spans.handling(NAME, "apply", webhook.traceparent, () -> webhook.processed(apply(webhook)));
                });
                return next.isPresent();
            });
        } catch (RuntimeException e) {
            SumsubWebhook.Key key = current.get();
            if (key == null) {
                throw e;
            }
            LOG.warnf(e, "Processing Sumsub event %s of org %s failed", key.eventId, key.orgId);
            QuarkusTransaction.requiringNew()
                    .run(() -> webhooks.recordFailure(key, e.getClass().getName(), MAX_ATTEMPTS));
            return true;
        }
    }

    private String apply(SumsubWebhook webhook) {
        Optional<KycCase> found = caseOf(webhook);
        if (found.isEmpty()) {
            LOG.infof(
                    "Sumsub event %s is for applicant %s, which no case of org %s knows; kept aside",
                    webhook.eventId, webhook.applicantId, webhook.orgId);
            return PersonaWebhook.UNMATCHED;
        }
        KycCase kycCase = found.get();
        steps.record(kycCase, WebhookSteps.read(webhook.steps));
        if (!kycCase.isNewer(webhook.eventCreatedAt)) {
            return PersonaWebhook.STALE;
        }
        SumsubReview review = SumsubReview.ofProviderStatus(webhook.providerStatus);
        transitions.fromProvider(
                kycCase,
                review.status(),
                review.providerStatus(),
                review.retryable(),
                webhook.eventCreatedAt,
                webhook.eventId);
        return PersonaWebhook.APPLIED;
    }

    /**
     * The case of the event's applicant; before the case has recorded its applicant id (the webhook can beat the
     * create call's answer), the applicant's externalUserId, which is the case id, finds it.
     */
    private Optional<KycCase> caseOf(SumsubWebhook webhook) {
        Optional<KycCase> byReference =
                cases.lockByReference(webhook.orgId, SumsubKycProvider.NAME, webhook.applicantId);
        if (byReference.isPresent() || webhook.externalUserId == null) {
            return byReference;
        }
        UUID caseId;
        try {
            caseId = UUID.fromString(webhook.externalUserId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<KycCase> byCaseId = cases.lockInOrg(webhook.orgId, caseId)
                .filter(kycCase -> SumsubKycProvider.NAME.equals(kycCase.provider))
                .filter(kycCase -> kycCase.providerReference == null);
        byCaseId.ifPresent(kycCase -> transitions.attachInquiry(kycCase, webhook.applicantId, null));
        return byCaseId;
    }
}
