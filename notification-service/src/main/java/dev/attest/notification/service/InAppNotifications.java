package dev.attest.notification.service;

import dev.attest.notification.Notification;
import dev.attest.notification.repository.NotificationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * Creates in-app notifications. The live streams learn of them from the database once the transaction
 * commits (see {@link NotificationListener}), on this instance and on every other.
 */
@ApplicationScoped
public class InAppNotifications {
    private final NotificationRepository notifications;
    private final Clock clock;

    InAppNotifications(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** What a notification says: a type clients can switch on, readable text and where it leads. */
    public record Content(String type, String text, String link) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public void notify(String orgId, String userId, Content content, String sourceEventId) {
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.orgId = orgId;
        notification.userId = userId;
        notification.type = content.type();
        notification.text = content.text();
        notification.link = content.link();
        notification.sourceEventId = sourceEventId;
        notification.createdAt = clock.instant();
        // The insert trigger draws seq (the stream's event id) and announces the row on commit.
        notifications.persist(notification);
    }
}
