package dev.attest.compliance.repository;

import dev.attest.compliance.SumsubWebhook;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Stored Sumsub webhooks: recorded once per derived event id, then taken by organizations in turn. */
@ApplicationScoped
public class SumsubWebhookRepository implements PanacheRepositoryBase<SumsubWebhook, SumsubWebhook.Key> {
    private final EntityManager entities;

    SumsubWebhookRepository(EntityManager entities) {
        this.entities = entities;
    }

    /**
     * Records the webhook unless its event id is already recorded for the organization (in the caller's transaction).
     *
     * @return whether it was new: of two deliveries of one event, only one is
     */
    public boolean recordIfNew(SumsubWebhook webhook) {
        int inserted = entities.createNativeQuery("insert into sumsub_webhook (org_id, event_id, type, applicant_id,"
                        + " external_user_id, review_status, provider_status, reject_labels, event_created_at, state,"
                        + " received_at, traceparent, steps) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                        + " ?13) on conflict (org_id, event_id) do nothing")
                .setParameter(1, webhook.orgId)
                .setParameter(2, webhook.eventId)
                .setParameter(3, webhook.type)
                .setParameter(4, webhook.applicantId)
                .setParameter(5, webhook.externalUserId)
                .setParameter(6, webhook.reviewStatus)
                .setParameter(7, webhook.providerStatus)
                .setParameter(8, webhook.rejectLabels)
                .setParameter(9, webhook.eventCreatedAt)
                .setParameter(10, webhook.state)
                .setParameter(11, webhook.receivedAt)
                .setParameter(12, webhook.traceparent)
                .setParameter(13, webhook.steps)
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * The next received webhook in the organizations' round robin (as Persona's): the oldest event of the first
     * organization after {@code previousOrg} that has one, else of the first overall; locked, skipping locked rows.
     */
    public Optional<SumsubWebhook> lockNextReceivedAfter(String previousOrg) {
        Optional<SumsubWebhook> next = lockFirstReceived("and org_id > ?1", previousOrg);
        return next.isPresent() ? next : lockFirstReceived("", null);
    }

    @SuppressWarnings("unchecked")
    private Optional<SumsubWebhook> lockFirstReceived(String condition, String previousOrg) {
        var query = entities.createNativeQuery(
                "select * from sumsub_webhook where state = 'received' " + condition
                        + " order by org_id, event_created_at limit 1 for update skip locked",
                SumsubWebhook.class);
        if (previousOrg != null) {
            query.setParameter(1, previousOrg);
        }
        List<SumsubWebhook> next = query.getResultList();
        return next.stream().findFirst();
    }

    /** Counts a failed attempt; after {@code maxAttempts} the webhook is set aside as failed. */
    public void recordFailure(SumsubWebhook.Key key, String error, int maxAttempts) {
        entities.createNativeQuery("update sumsub_webhook set attempts = attempts + 1, last_error = ?1,"
                        + " state = case when attempts + 1 >= ?2 then 'failed' else state end,"
                        + " processed_at = case when attempts + 1 >= ?2 then now() else processed_at end"
                        + " where org_id = ?3 and event_id = ?4")
                .setParameter(1, error)
                .setParameter(2, maxAttempts)
                .setParameter(3, key.orgId)
                .setParameter(4, key.eventId)
                .executeUpdate();
    }
}
