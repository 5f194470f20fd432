package dev.attest.compliance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** A verified Persona webhook: ids and states only, and what processing made of it. */
@Entity
@Table(name = "persona_webhook")
@IdClass(PersonaWebhook.Key.class)
public class PersonaWebhook extends PanacheEntityBase {
    public static final String RECEIVED = "received";
    public static final String APPLIED = "applied";
    public static final String STALE = "stale";
    public static final String UNMATCHED = "unmatched";
    public static final String IGNORED = "ignored";
    public static final String FAILED = "failed";

    @Id
    @Column(name = "org_id")
    public String orgId;

    @Id
    @Column(name = "event_id")
    public String eventId;

    public String name;

    @Column(name = "inquiry_id")
    public String inquiryId;

    @Column(name = "reference_id")
    public String referenceId;

    @Column(name = "inquiry_status")
    public String inquiryStatus;

    @Column(name = "event_created_at")
    public OffsetDateTime eventCreatedAt;

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

    /** Whether the event is about the inquiry itself, and so may move the case (a verification's only records a step). */
    public boolean isInquiryEvent() {
        return name.startsWith("inquiry.");
    }

    public void processed(String outcome) {
        state = outcome;
        processedAt = OffsetDateTime.now();
    }

    /** The primary key: Persona's event id within the organization it was sent for. */
    public static class Key implements Serializable {
        public String orgId;
        public String eventId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.orgId.equals(orgId) && key.eventId.equals(eventId);
        }

        @Override
        public int hashCode() {
            return orgId.hashCode() * 31 + eventId.hashCode();
        }
    }
}
