package dev.attest.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event for one project, as sent to its endpoints; the id is the webhook-id of every attempt. */
@Entity
@Table(name = "webhook_message")
public class WebhookMessage {
    @Id
    public String id;

    public String orgId;
    public String projectId;
    public String eventType;

    /** The exact body sent and signed: {@code {type, timestamp, data}}. */
    public String payload;

    public String sourceEventId;
    public Instant createdAt;
}
