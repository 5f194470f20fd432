package dev.attest.compliance.service;

import dev.attest.common.tracing.WorkSpans;
import dev.attest.common.work.DurableWork;
import dev.attest.common.work.Workers;
import dev.attest.compliance.KycCase;
import dev.attest.compliance.PersonaWebhook;
import dev.attest.compliance.business.BusinessWebhooks;
import dev.attest.compliance.client.PersonaStatusMapping;
import dev.attest.compliance.config.ComplianceConfig;
import dev.attest.compliance.repository.KycCaseRepository;
import dev.attest.compliance.repository.PersonaWebhookRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Applies stored Persona webhooks to their cases, each in its own transaction: the case converges on its
 * newest event (by Persona's created-at) and never moves back. An event for an inquiry no case knows is kept
 * aside as {@code unmatched} for inspection. Organizations take turns (round robin by organization id, each
 * turn its oldest waiting event), so a backlog of one organization does not hold up the others (that loop is
 * the shared {@link ProviderWebhookWorker}). Run by
 * {@link Workers}: woken when a webhook is stored, and every {@code webhooks.poll-interval} for what another
 * replica stored or a crash left.
 */
@ApplicationScoped
public class PersonaWebhookProcessor implements DurableWork {
    public static final String NAME = "persona-webhooks";
    private static final Logger LOG = Logger.getLogger(PersonaWebhookProcessor.class);

    private final KycCaseRepository cases;
    private final CaseTransitions transitions;
    private final VerificationSteps steps;
    private final BusinessWebhooks businessWebhooks;
    private final ProviderWebhookWorker<PersonaWebhook> worker;

    PersonaWebhookProcessor(
            PersonaWebhookRepository webhooks,
            KycCaseRepository cases,
            CaseTransitions transitions,
            VerificationSteps steps,
            BusinessWebhooks businessWebhooks,
            Workers workers,
            WorkSpans spans,
            ComplianceConfig config) {
        this.cases = cases;
        this.transitions = transitions;
        this.steps = steps;
        this.businessWebhooks = businessWebhooks;
        this.worker = new ProviderWebhookWorker<>(
                NAME,
                "Persona",
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

    /** Asks the processor to look for stored webhooks now. */
    public void wake() {
        worker.wake();
    }

    @Override
    public Pass runPass() {
        return worker.runPass();
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
        return PersonaWebhookCases.lock(
                webhook,
                cases,
                kycCase -> kycCase.provider,
                kycCase -> kycCase.providerReference,
                kycCase -> transitions.attachInquiry(kycCase, webhook.inquiryId, null));
    }
}
