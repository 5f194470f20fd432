package dev.attest.notification.service;

import dev.attest.notification.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Hands committed notifications to the live streams of their user in this instance. Nothing is lost when
 * no stream listens: a stream that reconnects replays from the database (Last-Event-ID).
 */
@ApplicationScoped
public class NotificationBroadcaster {
    private final Map<String, Set<Consumer<Notification>>> listeners = new ConcurrentHashMap<>();

    public AutoCloseable subscribe(String orgId, String userId, Consumer<Notification> listener) {
        String key = key(orgId, userId);
        listeners.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(key, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    void publish(Notification notification) {
        Set<Consumer<Notification>> set = listeners.get(key(notification.orgId, notification.userId));
        if (set != null) {
            set.forEach(listener -> listener.accept(notification));
        }
    }

    private static String key(String orgId, String userId) {
        return orgId + "\n" + userId;
    }
}
