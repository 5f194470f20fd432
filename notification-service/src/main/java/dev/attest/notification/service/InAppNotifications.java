package dev.attest.notification.service;

import dev.attest.common.transaction.AfterCommit;
import dev.attest.notification.Notification;
import dev.attest.notification.repository.NotificationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Creates in-app notifications and hands each to the live streams once its transaction has committed. */
@ApplicationScoped
public class InAppNotifications {
    private final NotificationRepository notifications;
    private final NotificationBroadcaster broadcaster;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;

    InAppNotifications(
            NotificationRepository notifications,
            NotificationBroadcaster broadcaster,
            TransactionSynchronizationRegistry transactions,
            Clock clock) {
        this.notifications = notifications;
        this.broadcaster = broadcaster;
        this.transactions = transactions;
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
        notifications.persist(notification);
        notifications.flush(); // assigns seq, the stream's event id
        // A stream must never show what a rollback undoes: publish only after the commit.
        AfterCommit.run(transactions, () -> broadcaster.publish(notification));
    }
}
