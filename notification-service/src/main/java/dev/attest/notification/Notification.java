package dev.attest.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** An in-app notification of one user; {@code seq} orders the user's stream and resumes it. */
@Entity
@Table(name = "notification")
public class Notification {
    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    public String orgId;
    public String userId;
    public String type;
    public String text;
    public String link;
    public String sourceEventId;
    public Instant createdAt;
    public Instant readAt;
}
