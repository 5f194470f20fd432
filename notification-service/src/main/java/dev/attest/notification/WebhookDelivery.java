package dev.attest.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message on its way to one endpoint: its state and schedule live in the database, so restarts lose nothing. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {
    public static final String PENDING = "pending";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    public String messageId;
    public UUID endpointId;
    public String status;
    public int attempts;
    public Instant nextAttemptAt;
    public Instant createdAt;
    public Instant updatedAt;
}
