package dev.attest.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One admin email: recorded with the event that caused it, then sent (and retried) by the mail worker. */
@Entity
@Table(name = "email_message")
public class EmailMessage {
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    public String orgId;
    public String sourceEventId;
    public String recipient;
    public String template;
    public String subject;

    /** The template's data: ids and states only. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> model;

    public String status;
    public int attempts;
    public Instant nextAttemptAt;
    public String lastError;
    public Instant createdAt;
    public Instant sentAt;
}
