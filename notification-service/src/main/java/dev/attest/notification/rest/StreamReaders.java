package dev.attest.notification.rest;

import dev.attest.notification.Notification;
import dev.attest.notification.service.UserNotifications;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Reads, off the database listener's thread, what a woken stream has not sent yet. A few threads are
 * enough: each read is one indexed query, and a stream woken while it reads reads once more afterwards.
 */
@ApplicationScoped
class StreamReaders {
    private static final int THREADS = 4;

    private final UserNotifications notifications;
    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS, runnable -> {
        Thread thread = new Thread(runnable, "notification-stream-reader");
        thread.setDaemon(true);
        return thread;
    });

    StreamReaders(UserNotifications notifications) {
        this.notifications = notifications;
    }

    /** Reads the user's notifications after {@code seq}, oldest first, and hands them over; or the failure. */
    void readAfter(
            String orgId, String userId, long seq, Consumer<List<Notification>> found, Consumer<Exception> failed) {
        threads.execute(() -> {
            List<Notification> unsent;
            try {
                unsent = notifications.after(orgId, userId, seq);
            } catch (RuntimeException e) {
                failed.accept(e);
                return;
            }
            found.accept(unsent);
        });
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
