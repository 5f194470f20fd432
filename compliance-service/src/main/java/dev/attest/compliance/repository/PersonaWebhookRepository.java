package dev.attest.compliance.repository;

import dev.attest.compliance.PersonaWebhook;
import dev.attest.compliance.StoredWebhook;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

@ApplicationScoped
public class PersonaWebhookRepository implements PanacheRepositoryBase<PersonaWebhook, StoredWebhook.Key> {
    // Turns served by the index persona_webhook_turns (org_id, event_created_at) where state = 'received'.
    private final WebhookTurns<PersonaWebhook> turns;

    PersonaWebhookRepository(EntityManager entities) {
        this.turns = new WebhookTurns<>(entities, "persona_webhook", PersonaWebhook.class);
    }

    /** The webhooks as the worker takes them: organizations in turn, failures counted. */
    public WebhookTurns<PersonaWebhook> turns() {
        return turns;
    }

    /** The organization's webhooks in the given states (e.g. unmatched, failed), newest received first. */
    public PanacheQuery<PersonaWebhook> inStates(String orgId, List<String> states) {
        return find(
                "orgId = ?1 and state in ?2",
                Sort.descending("receivedAt").and("eventId", Sort.Direction.Descending),
                orgId,
                states);
    }

    public List<PersonaWebhook> ofInquiry(String orgId, String inquiryId) {
        return list("orgId = ?1 and inquiryId = ?2", orgId, inquiryId);
    }
}
