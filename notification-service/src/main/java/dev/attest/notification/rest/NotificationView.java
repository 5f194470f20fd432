package dev.attest.notification.rest;

import dev.attest.notification.Notification;
import java.time.Instant;
import java.util.UUID;

public record NotificationView(
        UUID id, long seq, String type, String text, String link, Instant createdAt, Instant readAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.seq, n.type, n.text, n.link, n.createdAt, n.readAt);
    }
}
