package dev.attest.compliance.repository;

import dev.attest.compliance.PersonaWebhook;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PersonaWebhookRepository implements PanacheRepositoryBase<PersonaWebhook, PersonaWebhook.Key> {
    private final EntityManager entities;

    PersonaWebhookRepository(EntityManager entities) {
        this.entities = entities;
    }

    /**
     * The next received webhook in the organizations' round robin: the oldest event of the first organization
     * (by id) after {@code previousOrg} that has one, else of the first organization overall. Locked so that
     * another processor (thread or replica) skips it and takes the next one.
     */
    public Optional<PersonaWebhook> lockNextReceivedAfter(String previousOrg) {
        Optional<PersonaWebhook> next = lockFirstReceived("and org_id > ?1", previousOrg);
        return next.isPresent() ? next : lockFirstReceived("", null);
    }

    @SuppressWarnings("unchecked")
    private Optional<PersonaWebhook> lockFirstReceived(String condition, String previousOrg) {
        // Served by the index persona_webhook_turns (org_id, event_created_at) where state = 'received'.
        var query = entities.createNativeQuery(
                "select * from persona_webhook where state = 'received' " + condition
                        + " order by org_id, event_created_at limit 1 for update skip locked",
                PersonaWebhook.class);
        if (previousOrg != null) {
            query.setParameter(1, previousOrg);
        }
        List<PersonaWebhook> next = query.getResultList();
        return next.stream().findFirst();
    }

    /** Counts a failed attempt; after {@code maxAttempts} the webhook is set aside as failed. */
    public void recordFailure(PersonaWebhook.Key key, String error, int maxAttempts) {
        entities.createNativeQuery("update persona_webhook set attempts = attempts + 1, last_error = ?1,"
                        + " state = case when attempts + 1 >= ?2 then 'failed' else state end,"
                        + " processed_at = case when attempts + 1 >= ?2 then now() else processed_at end"
                        + " where org_id = ?3 and event_id = ?4")
                .setParameter(1, error)
                .setParameter(2, maxAttempts)
                .setParameter(3, key.orgId)
                .setParameter(4, key.eventId)
                .executeUpdate();
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
