package dev.attest.compliance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A verified Persona webhook: ids and states only, and what processing made of it. */
@Entity
@Table(name = "persona_webhook")
@IdClass(StoredWebhook.Key.class)
public class PersonaWebhook extends StoredWebhook {
    public static final String RECEIVED = "received";
    public static final String APPLIED = "applied";
    public static final String STALE = "stale";
    public static final String UNMATCHED = "unmatched";
    public static final String IGNORED = "ignored";
    public static final String FAILED = "failed";

    public String name;

    @Column(name = "inquiry_id")
    public String inquiryId;

    @Column(name = "reference_id")
    public String referenceId;

    @Column(name = "inquiry_status")
    public String inquiryStatus;

    /** Whether the event is about the inquiry itself, and so may move the case (a verification's only records a step). */
    public boolean isInquiryEvent() {
        return name.startsWith("inquiry.");
    }
}
