package dev.attest.compliance.repository;

import dev.attest.compliance.PersonaWebhook;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PersonaWebhookRepository implements PanacheRepositoryBase<PersonaWebhook, PersonaWebhook.Key> {
    private static final String RECORD_IF_NEW = "insert into persona_webhook (org_id, event_id, name, inquiry_id,"
            + " reference_id, inquiry_status, event_created_at, state, received_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (org_id, event_id) do nothing";

    private final EntityManager entities;
    private final AgroalDataSource dataSource;

    PersonaWebhookRepository(EntityManager entities, AgroalDataSource dataSource) {
        this.entities = entities;
        this.dataSource = dataSource;
    }

    /**
     * Records a received webhook unless its event id is already recorded for the organization: one statement,
     * which commits on its own when no transaction is active (the webhook intake's case: one commit, durable
     * before the answer), or joins the active one. Plain JDBC, without a Hibernate session or a JTA transaction
     * around one insert: that machinery cost more than the insert itself at thousands of webhooks a second.
     *
     * @return whether it was new
     */
    public boolean recordIfNew(PersonaWebhook webhook) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RECORD_IF_NEW)) {
            insert.setString(1, webhook.orgId);
            insert.setString(2, webhook.eventId);
            insert.setString(3, webhook.name);
            insert.setString(4, webhook.inquiryId);
            insert.setString(5, webhook.referenceId);
            insert.setString(6, webhook.inquiryStatus);
            insert.setObject(7, webhook.eventCreatedAt);
            insert.setString(8, webhook.state);
            insert.setObject(9, webhook.receivedAt);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new PersistenceException("Cannot record Persona webhook " + webhook.eventId, e);
        }
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
