package dev.attest.notification.service;

import dev.attest.common.problem.ProblemException;
import dev.attest.notification.Notification;
import dev.attest.notification.repository.NotificationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** A user's own notifications: reading, marking read, and what a reconnecting stream missed. */
@ApplicationScoped
public class UserNotifications {
    private final NotificationRepository notifications;
    private final Clock clock;

    UserNotifications(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    public record Page(List<Notification> items, int page, int size, long total) {}

    public Page page(String orgId, String userId, boolean unreadOnly, int page, int size) {
        var query = notifications.ofUser(orgId, userId, unreadOnly);
        return new Page(query.page(page, size).list(), page, size, query.count());
    }

    /** What a stream that last sent {@code seq} has not sent yet, oldest first. */
    @Transactional
    public List<Notification> after(String orgId, String userId, long seq) {
        return notifications.ofUserAfter(orgId, userId, seq);
    }

    @Transactional
    public long latestSeq(String orgId, String userId) {
        return notifications.latestSeq(orgId, userId);
    }

    /** Marks one notification read; another user's notification is not found. */
    @Transactional
    public Notification markRead(String orgId, String userId, UUID id) {
        Notification notification = notifications
                .ofUser(orgId, userId, id)
                .orElseThrow(() -> ProblemException.notFound("Notification " + id));
        if (notification.readAt == null) {
            notification.readAt = clock.instant();
        }
        return notification;
    }

    @Transactional
    public int markAllRead(String orgId, String userId) {
        return notifications.markAllRead(orgId, userId, clock.instant());
    }
}
