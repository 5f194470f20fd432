package dev.attest.compliance.repository;

import dev.attest.compliance.StoredWebhook;
import dev.attest.compliance.SumsubWebhook;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Stored Sumsub webhooks: recorded once per derived event id, then taken by organizations in turn. */
@ApplicationScoped
public class SumsubWebhookRepository implements PanacheRepositoryBase<SumsubWebhook, StoredWebhook.Key> {
    private final EntityManager entities;
    private final WebhookTurns<SumsubWebhook> turns;

    SumsubWebhookRepository(EntityManager entities) {
        this.entities = entities;
        this.turns = new WebhookTurns<>(entities, "sumsub_webhook", SumsubWebhook.class);
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

    /** The webhooks as the worker takes them: organizations in turn, failures counted. */
    public WebhookTurns<SumsubWebhook> turns() {
        return turns;
    }
}
