package dev.attest.compliance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The columns every provider's webhook table has for the shared worker (service.ProviderWebhookWorker): the key, the
 * event's time, and what processing made of it; each provider's entity adds the ids and statuses it reports.
 */
@MappedSuperclass
public abstract class StoredWebhook extends PanacheEntityBase {
    @Id
    @Column(name = "org_id")
    public String orgId;

    /** The provider's event id within the organization (Sumsub sends none: derived, see SumsubWebhookIntake). */
    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_created_at")
    public OffsetDateTime eventCreatedAt;

    /** {@code received}, then {@code applied}, {@code stale}, {@code unmatched}, {@code ignored} or {@code failed}. */
    public String state;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @Column(name = "processed_at")
    public OffsetDateTime processedAt;

    /** Failed processing attempts so far. */
    public int attempts;

    /** The exception type of the last failed attempt (never a message that could carry data). */
    @Column(name = "last_error")
    public String lastError;

    /** The trace of the delivery that brought it (W3C traceparent): its processing continues that trace. */
    public String traceparent;

    /** The verification steps the event reported, as JSON (kinds, provider ids and statuses, times; nothing else). */
    public String steps;

    /** Records what processing made of it, and when. */
    public void processed(String outcome) {
        state = outcome;
        processedAt = OffsetDateTime.now();
    }

    /** The primary key: the event id within the organization it was sent for. */
    public static class Key implements Serializable {
        public String orgId;
        public String eventId;

        public Key() {}

        public Key(String orgId, String eventId) {
            this.orgId = orgId;
            this.eventId = eventId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.orgId.equals(orgId) && key.eventId.equals(eventId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orgId, eventId);
        }
    }
}
