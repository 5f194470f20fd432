package dev.attest.compliance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A webhook delivery refused for its signature, kept so that admins can see a misconfigured secret or
 * forged traffic; or a verified one refused for its content (acknowledged, so that Persona stops retrying
 * what a retry cannot fix). Neither the body nor the signature is kept.
 */
@Entity
@Table(name = "persona_webhook_refusal")
public class PersonaWebhookRefusal extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The organization the path named, when this service knows it; null otherwise (platform admins only). */
    @Column(name = "org_id")
    public String orgId;

    /** The organization as the path spelled it (truncated, a NUL shown as U+FFFD). */
    @Column(name = "path_org")
    public String pathOrg;

    /**
     * Why: the signature was {@code missing}, {@code malformed}, {@code stale} or a {@code mismatch}; or, signed,
     * the event's created-at lies too far ahead ({@code future-created-at}) or it holds text the database cannot
     * store ({@code unstorable}).
     */
    public String reason;

    @Column(name = "body_bytes")
    public int bodyBytes;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
}
