package dev.attest.compliance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A verified Sumsub webhook: ids and review states only, and what processing made of it. */
@Entity
@Table(name = "sumsub_webhook")
@IdClass(SumsubWebhook.Key.class)
public class SumsubWebhook extends PanacheEntityBase {
    @Id
    @Column(name = "org_id")
    public String orgId;

    /** Derived from the delivery (Sumsub sends no event id): see SumsubWebhookIntake. */
    @Id
    @Column(name = "event_id")
    public String eventId;

    public String type;

    @Column(name = "applicant_id")
    public String applicantId;

    /** Our case id, as the applicant was created with it. */
    @Column(name = "external_user_id")
    public String externalUserId;

    @Column(name = "review_status")
    public String reviewStatus;

    @Column(name = "provider_status")
    public String providerStatus;

    @Column(name = "reject_labels")
    public String rejectLabels;

    @Column(name = "event_created_at")
    public OffsetDateTime eventCreatedAt;

    /** {@link PersonaWebhook#RECEIVED}, {@code APPLIED}, …: the same states as Persona's webhooks. */
    public String state;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @Column(name = "processed_at")
    public OffsetDateTime processedAt;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    public String traceparent;

    public String steps;

    public void processed(String outcome) {
        state = outcome;
        processedAt = OffsetDateTime.now();
    }

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
