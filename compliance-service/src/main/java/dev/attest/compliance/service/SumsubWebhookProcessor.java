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
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies stored Sumsub webhooks to their cases, each in its own transaction, as {@link PersonaWebhookProcessor} does
 * Persona's: steps recorded (they converge on their own), the case moved only by an event newer than what it shows
 * ({@code createdAtMs}), organizations taking turns, a webhook that keeps failing set aside after 5 attempts (the loop is the shared
 * {@link ProviderWebhookWorker}'s).
 */
@ApplicationScoped
public class SumsubWebhookProcessor implements DurableWork {
    public static final String NAME = "sumsub-webhooks";
    private static final Logger LOG = Logger.getLogger(SumsubWebhookProcessor.class);

    private final KycCaseRepository cases;
    private final CaseTransitions transitions;
    private final VerificationSteps steps;
    private final ProviderWebhookWorker<SumsubWebhook> worker;

    SumsubWebhookProcessor(
            SumsubWebhookRepository webhooks,
            KycCaseRepository cases,
            CaseTransitions transitions,
            VerificationSteps steps,
            Workers workers,
            WorkSpans spans,
            ComplianceConfig config) {
        this.cases = cases;
        this.transitions = transitions;
        this.steps = steps;
        this.worker = new ProviderWebhookWorker<>(
                NAME,
                "Sumsub",
                webhooks.turns(),
                this::apply,
                workers,
                spans,
                config.webhooks().pollInterval());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration pollInterval() {
        return worker.pollInterval();
    }

    public void wake() {
        worker.wake();
    }

    @Override
    public Pass runPass() {
        return worker.runPass();
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
