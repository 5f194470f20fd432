package dev.attest.compliance.service;

import dev.attest.compliance.PersonaWebhook;
import dev.attest.compliance.PersonaWebhookRefusal;
import dev.attest.compliance.repository.PersonaWebhookRefusalRepository;
import dev.attest.compliance.repository.PersonaWebhookRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * What admins inspect about Persona webhooks: the ones kept aside (no case matched, or processing kept
 * failing), and the deliveries refused for their signature. Refusals for a path naming no organization
 * this service knows belong to no organization: only platform admins see them.
 */
@ApplicationScoped
public class PersonaWebhookInspection {
    /** The states an admin inspects: kept aside, nothing was applied. */
    public static final List<String> KEPT_ASIDE = List.of(PersonaWebhook.UNMATCHED, PersonaWebhook.FAILED);

    private final PersonaWebhookRepository webhooks;
    private final PersonaWebhookRefusalRepository refusals;

    PersonaWebhookInspection(PersonaWebhookRepository webhooks, PersonaWebhookRefusalRepository refusals) {
        this.webhooks = webhooks;
        this.refusals = refusals;
    }

    public record Page<T>(List<T> items, int page, int size, long total) {}

    @Transactional
    public Page<PersonaWebhook> keptAside(String orgId, Optional<String> state, int page, int size) {
        return page(webhooks.inStates(orgId, state.map(List::of).orElse(KEPT_ASIDE)), page, size);
    }

    /** The organization's refusals, or (empty) those of no known organization. */
    @Transactional
    public Page<PersonaWebhookRefusal> refusals(Optional<String> orgId, int page, int size) {
        return page(refusals.of(orgId), page, size);
    }

    private static <T> Page<T> page(PanacheQuery<T> query, int page, int size) {
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }
}
