package dev.attest.compliance.business;

import dev.attest.compliance.PersonaWebhook;
import dev.attest.compliance.client.PersonaStatusMapping;
import dev.attest.compliance.service.PersonaWebhookCases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Persona webhooks about a business case's KYB inquiry (the webhook processor hands over those no KYC case knows):
 * found as a KYC case's ({@link PersonaWebhookCases}: by inquiry id, else by reference-id = business case id before
 * the create call's answer was recorded); applied as a KYC case's, newest event wins.
 */
@ApplicationScoped
public class BusinessWebhooks {
    private final BusinessCaseRepository cases;
    private final BusinessTransitions transitions;

    BusinessWebhooks(BusinessCaseRepository cases, BusinessTransitions transitions) {
        this.cases = cases;
        this.transitions = transitions;
    }

    /**
     * Applies the webhook to its business case, in the caller's transaction.
     *
     * @return the webhook's outcome ({@code applied}, {@code stale}); empty when no business case knows it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> apply(PersonaWebhook webhook) {
        Optional<BusinessCase> found = caseOf(webhook);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BusinessCase businessCase = found.get();
        // Verification events carry steps; a business case keeps none of them (its checks are Persona's to show).
        if (!webhook.isInquiryEvent()) {
            return Optional.of(PersonaWebhook.APPLIED);
        }
        if (!businessCase.isNewer(webhook.eventCreatedAt)) {
            return Optional.of(PersonaWebhook.STALE);
        }
        String inquiryStatus = PersonaStatusMapping.inquiryStatus(webhook.name, webhook.inquiryStatus)
                .orElse(businessCase.providerStatus);
        transitions.fromVerification(
                businessCase,
                PersonaStatusMapping.toKycStatus(inquiryStatus),
                inquiryStatus,
                webhook.eventCreatedAt,
                BusinessTransitions.PROVIDER_ACTOR,
                Optional.empty());
        return Optional.of(PersonaWebhook.APPLIED);
    }

    private Optional<BusinessCase> caseOf(PersonaWebhook webhook) {
        return PersonaWebhookCases.lock(
                webhook,
                cases,
                businessCase -> businessCase.provider,
                businessCase -> businessCase.providerReference,
                businessCase -> transitions.attachInquiry(businessCase, webhook.inquiryId, null));
    }
}
