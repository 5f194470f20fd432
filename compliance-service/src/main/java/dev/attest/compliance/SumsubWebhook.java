package dev.attest.compliance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A verified Sumsub webhook: ids and review states only, and what processing made of it (in the columns of {@link
 * StoredWebhook}, with the same states as Persona's webhooks).
 */
@Entity
@Table(name = "sumsub_webhook")
@IdClass(StoredWebhook.Key.class)
public class SumsubWebhook extends StoredWebhook {
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
}
