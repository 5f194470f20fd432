package dev.attest.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One HTTP request of a delivery and what came back. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {
    @Id
    public UUID id;

    public UUID deliveryId;
    public Instant attemptedAt;
    public boolean succeeded;
    public Integer statusCode;
    public long latencyMs;

    /** The start of the receiver's answer, truncated. */
    public String responseBody;

    /** Why the attempt failed without an answer (timeout, connection refused, address refused). */
    public String error;
}
