package dev.attest.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A customer's webhook endpoint in one project. Its secrets are stored encrypted (SecretCipher). */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {
    @Id
    public UUID id;

    public String orgId;
    public String projectId;
    public String url;
    public String description;

    /** Event types the endpoint receives; empty means all. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> eventTypes;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> headers;

    /** Messages per second; null means the configured default. */
    public Integer rateLimit;

    public boolean enabled;
    public String disabledReason;
    public String secret;
    public String previousSecret;
    public Instant previousSecretUntil;

    /** Start of the current run of failures; cleared by a success. */
    public Instant failingSince;

    public Instant createdAt;
    public Instant updatedAt;

    public boolean accepts(String eventType) {
        return eventTypes == null || eventTypes.isEmpty() || eventTypes.contains(eventType);
    }
}
