package dev.attest.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes the live streams of this instance when their user has new committed notifications. It carries
 * only the wake-up, never the notification: each stream reads what it has not sent yet from the database,
 * so a wake-up that comes twice, late, or for several notifications at once loses and repeats nothing.
 */
@ApplicationScoped
public class NotificationBroadcaster {
    private final Map<String, Set<Runnable>> streams = new ConcurrentHashMap<>();

    /** {@code wakeUp} must not block: it is called on the thread that listens to the database. */
    public AutoCloseable subscribe(String orgId, String userId, Runnable wakeUp) {
        String key = key(orgId, userId);
        streams.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(wakeUp);
        return () -> streams.computeIfPresent(key, (k, set) -> {
            set.remove(wakeUp);
            return set.isEmpty() ? null : set;
        });
    }

    /** The user has a new committed notification. */
    void wakeUp(String orgId, String userId) {
        Set<Runnable> set = streams.get(key(orgId, userId));
        if (set != null) {
            set.forEach(Runnable::run);
        }
    }

    /** Every stream looks again: after the database listener lost its connection, wake-ups may be missing. */
    void wakeUpAll() {
        streams.values().forEach(set -> set.forEach(Runnable::run));
    }

    private static String key(String orgId, String userId) {
        return orgId + "\n" + userId;
    }
}
