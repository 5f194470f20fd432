package dev.attest.compliance.service;

import dev.attest.compliance.PersonaWebhook;
import dev.attest.compliance.client.PersonaKycProvider;
import dev.attest.compliance.repository.LockableCases;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/** How a Persona webhook finds its case, shared by KYC cases (the webhook processor) and business cases. */
public final class PersonaWebhookCases {
    private PersonaWebhookCases() {}

    /**
     * The case of the event's inquiry, locked. Before the case has recorded its inquiry id (the webhook can beat the
     * create call's answer), the inquiry's reference-id, which is the case id, finds a Persona case without an inquiry
     * yet ({@code provider} and {@code reference} read the case's), and {@code attach} records the inquiry on it.
     */
    public static <T> Optional<T> lock(
            PersonaWebhook webhook,
            LockableCases<T> cases,
            Function<T, String> provider,
            Function<T, String> reference,
            Consumer<T> attach) {
        Optional<T> byReference = cases.lockByReference(webhook.orgId, PersonaKycProvider.NAME, webhook.inquiryId);
        if (byReference.isPresent() || webhook.referenceId == null || webhook.inquiryId == null) {
            return byReference;
        }
        UUID caseId;
        try {
            caseId = UUID.fromString(webhook.referenceId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<T> byCaseId = cases.lockInOrg(webhook.orgId, caseId)
                .filter(found -> PersonaKycProvider.NAME.equals(provider.apply(found)))
                .filter(found -> reference.apply(found) == null);
        byCaseId.ifPresent(attach);
        return byCaseId;
    }
}
