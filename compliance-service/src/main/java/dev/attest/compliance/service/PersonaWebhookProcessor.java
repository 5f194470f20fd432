package dev.attest.compliance.service;

import dev.attest.common.tracing.WorkSpans;
import dev.attest.common.work.DurableWork;
import dev.attest.common.work.Workers;
import dev.attest.compliance.KycCase;
import dev.attest.compliance.PersonaWebhook;
import dev.attest.compliance.business.BusinessWebhooks;
import dev.attest.compliance.client.PersonaKycProvider;
import dev.attest.compliance.client.PersonaStatusMapping;
import dev.attest.compliance.config.ComplianceConfig;
import dev.attest.compliance.repository.KycCaseRepository;
import dev.attest.compliance.repository.PersonaWebhookRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Applies stored Persona webhooks to their cases, each in its own transaction: the case converges on its
 * newest event (by Persona's created-at) and never moves back. An event for an inquiry no case knows is kept
 * aside as {@code unmatched} for inspection. Organizations take turns (round robin by organization id, each
 * turn its oldest waiting event), so a backlog of one organization does not hold up the others. Run by
 * {@link Workers}: woken when a webhook is stored, and every {@code webhooks.poll-interval} for what another
 * replica stored or a crash left.
 */
@ApplicationScoped
public class PersonaWebhookProcessor implements DurableWork {
    public static final String NAME = "persona-webhooks";
    private static final Logger LOG = Logger.getLogger(PersonaWebhookProcessor.class);
    /** Attempts before a webhook that keeps failing is set aside as {@code failed}. */
    static final int MAX_ATTEMPTS = 5;
    /** Webhooks per pass: a pass ends at a bounded point, so a stop is not held up by a long backlog. */
    private static final int BATCH = 100;

    private final PersonaWebhookRepository webhooks;
    private final KycCaseRepository cases;
    private final CaseTransitions transitions;
    private final VerificationSteps steps;
    private final BusinessWebhooks businessWebhooks;
    private final Workers workers;
    private final WorkSpans spans;
    private final Duration pollInterval;
    /** The organization served last: the next turn goes to the next one after it. */
    private final AtomicReference<String> lastServed = new AtomicReference<>("");

    PersonaWebhookProcessor(
            PersonaWebhookRepository webhooks,
            KycCaseRepository cases,
            CaseTransitions transitions,
            VerificationSteps steps,
            BusinessWebhooks businessWebhooks,
            Workers workers,
            WorkSpans spans,
            ComplianceConfig config) {
        this.webhooks = webhooks;
        this.cases = cases;
        this.transitions = transitions;
        this.steps = steps;
        this.businessWebhooks = businessWebhooks;
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

    /** Asks the processor to look for stored webhooks now. */
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

    /**
     * Processes the next organization's oldest stored webhook; returns whether there was one. A failure rolls its effect back
     * and counts an attempt, so a webhook that keeps failing is set aside instead of stalling the rest.
     */
    boolean processNext() {
        AtomicReference<PersonaWebhook.Key> current = new AtomicReference<>();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Optional<PersonaWebhook> next = webhooks.lockNextReceivedAfter(lastServed.get());
                next.ifPresent(webhook -> {
                    current.set(keyOf(webhook));
                    lastServed.set(webhook.orgId);
                    // In the trace of the delivery that brought it: the case's events join that trace.
                    spans.handling(NAME, "apply", webhook.traceparent, () -> webhook.processed(apply(webhook)));
                });
                return next.isPresent();
            });
        } catch (RuntimeException e) {
            PersonaWebhook.Key key = current.get();
            if (key == null) {
                throw e;
            }
            LOG.warnf(e, "Processing Persona event %s of org %s failed", key.eventId, key.orgId);
            QuarkusTransaction.requiringNew()
                    .run(() -> webhooks.recordFailure(key, e.getClass().getName(), MAX_ATTEMPTS));
            return true;
        }
    }

    private static PersonaWebhook.Key keyOf(PersonaWebhook webhook) {
        PersonaWebhook.Key key = new PersonaWebhook.Key();
        key.orgId = webhook.orgId;
        key.eventId = webhook.eventId;
        return key;
    }

    private String apply(PersonaWebhook webhook) {
        Optional<KycCase> found = caseOf(webhook);
        if (found.isEmpty()) {
            // Not a KYC case's inquiry: perhaps a business case's KYB inquiry.
            Optional<String> business = businessWebhooks.apply(webhook);
            if (business.isPresent()) {
                return business.get();
            }
            LOG.infof(
                    "Persona event %s is for inquiry %s, which no case of org %s knows; kept aside",
                    webhook.eventId, webhook.inquiryId, webhook.orgId);
            return PersonaWebhook.UNMATCHED;
        }
        KycCase kycCase = found.get();
        // Steps converge on their own (each on its newest observation), whatever the case's status does.
        steps.record(kycCase, WebhookSteps.read(webhook.steps));
        if (!webhook.isInquiryEvent()) {
            return PersonaWebhook.APPLIED;
        }
        if (!kycCase.isNewer(webhook.eventCreatedAt)) {
            return PersonaWebhook.STALE;
        }
        String inquiryStatus = PersonaStatusMapping.inquiryStatus(webhook.name, webhook.inquiryStatus)
                .orElse(kycCase.providerStatus);
        transitions.fromProvider(
                kycCase,
                PersonaStatusMapping.toKycStatus(inquiryStatus),
                inquiryStatus,
                webhook.eventCreatedAt,
                webhook.eventId);
        return PersonaWebhook.APPLIED;
    }

    /**
     * The case of the event's inquiry. Before the case has recorded its inquiry id (the webhook can beat
     * the create call's answer), the inquiry's reference-id, which is the case id, finds it.
     */
    private Optional<KycCase> caseOf(PersonaWebhook webhook) {
        Optional<KycCase> byReference =
                cases.lockByReference(webhook.orgId, PersonaKycProvider.NAME, webhook.inquiryId);
        if (byReference.isPresent() || webhook.referenceId == null) {
            return byReference;
        }
        UUID caseId;
        try {
            caseId = UUID.fromString(webhook.referenceId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<KycCase> byCaseId = cases.lockInOrg(webhook.orgId, caseId)
                .filter(kycCase -> PersonaKycProvider.NAME.equals(kycCase.provider))
                .filter(kycCase -> kycCase.providerReference == null);
        byCaseId.ifPresent(kycCase -> transitions.attachInquiry(kycCase, webhook.inquiryId, null));
        return byCaseId;
    }
}
