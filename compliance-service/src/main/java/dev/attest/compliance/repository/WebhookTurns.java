package dev.attest.compliance.repository;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * The queries the shared webhook worker (service.ProviderWebhookWorker) runs on a provider's webhook table
 * (organizations' turns, failure counting): written once for every provider's table, which all have these columns.
 */
public final class WebhookTurns<W> {
    private final EntityManager entities;
    private final String table;
    private final Class<W> type;

    WebhookTurns(EntityManager entities, String table, Class<W> type) {
        this.entities = entities;
        this.table = table;
        this.type = type;
    }

    /**
     * The next received webhook in the organizations' round robin: the oldest event of the first organization (by id)
     * after {@code previousOrg} that has one, else of the first organization overall. Locked so that another processor
     * (thread or replica) skips it and takes the next one.
     */
    public Optional<W> lockNextReceivedAfter(String previousOrg) {
        Optional<W> next = lockFirstReceived("and org_id > ?1", previousOrg);
        return next.isPresent() ? next : lockFirstReceived("", null);
    }

    @SuppressWarnings("unchecked")
    private Optional<W> lockFirstReceived(String condition, String previousOrg) {
        // Served by the table's index on (org_id, event_created_at) where state = 'received'.
        var query = entities.createNativeQuery(
                "select * from " + table + " where state = 'received' " + condition
                        + " order by org_id, event_created_at limit 1 for update skip locked",
                type);
        if (previousOrg != null) {
            query.setParameter(1, previousOrg);
        }
        List<W> next = query.getResultList();
        return next.stream().findFirst();
    }

    /** Counts a failed attempt; after {@code maxAttempts} the webhook is set aside as failed. */
    public void recordFailure(String orgId, String eventId, String error, int maxAttempts) {
        entities.createNativeQuery("update " + table + " set attempts = attempts + 1, last_error = ?1,"
                        + " state = case when attempts + 1 >= ?2 then 'failed' else state end,"
                        + " processed_at = case when attempts + 1 >= ?2 then now() else processed_at end"
                        + " where org_id = ?3 and event_id = ?4")
                .setParameter(1, error)
                .setParameter(2, maxAttempts)
                .setParameter(3, orgId)
                .setParameter(4, eventId)
                .executeUpdate();
    }
}
