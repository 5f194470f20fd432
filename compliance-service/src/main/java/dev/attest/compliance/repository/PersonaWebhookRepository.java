package dev.attest.compliance.repository;

import dev.attest.compliance.PersonaWebhook;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
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
     * Records a received webhook unless its event id is already recorded for the organization.
     *
     * @return whether it was new
     */
    public boolean recordIfNew(PersonaWebhook webhook) {
        int inserted = entities.createNativeQuery("insert into persona_webhook (org_id, event_id, name, inquiry_id,"
                        + " reference_id, inquiry_status, event_created_at, state, received_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (org_id, event_id) do nothing")
                .setParameter(1, webhook.orgId)
                .setParameter(2, webhook.eventId)
                .setParameter(3, webhook.name)
                .setParameter(4, webhook.inquiryId)
                .setParameter(5, webhook.referenceId)
                .setParameter(6, webhook.inquiryStatus)
                .setParameter(7, webhook.eventCreatedAt)
                .setParameter(8, webhook.state)
                .setParameter(9, webhook.receivedAt)
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * The next received webhook, oldest event first, locked so that another processor (thread or
     * replica) skips it.
     */
    @SuppressWarnings("unchecked")
    public Optional<PersonaWebhook> lockNextReceived() {
        List<PersonaWebhook> next = entities.createNativeQuery(
                        "select * from persona_webhook where state = 'received'"
                                + " order by event_created_at limit 1 for update skip locked",
                        PersonaWebhook.class)
                .getResultList();
        return next.stream().findFirst();
    }

    public List<PersonaWebhook> ofInquiry(String orgId, String inquiryId) {
        return list("orgId = ?1 and inquiryId = ?2", orgId, inquiryId);
    }
}
