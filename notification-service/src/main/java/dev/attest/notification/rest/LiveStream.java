package dev.attest.notification.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.notification.Notification;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One open stream. Woken when its user may have something new, it reads from the database what it has
 * not sent yet ({@code seq} after the last one sent) and sends it in order. Since one user's
 * notifications commit in seq order (the insert trigger), nothing read later can have a lower seq than
 * what was sent: the stream and a resume from its last event id lose and repeat nothing.
 */
final class LiveStream {
    private static final Logger LOG = Logger.getLogger(LiveStream.class);

    private final SseEventSink sink;
    private final Sse sse;
    private final ObjectMapper mapper;
    private final StreamReaders readers;
    private final String orgId;
    private final String userId;
    private long lastSent;
    private boolean reading;
    private boolean wokenWhileReading;
    private boolean closed;
    private Runnable onClose = () -> {};

    LiveStream(
            SseEventSink sink,
            Sse sse,
            ObjectMapper mapper,
            StreamReaders readers,
            String orgId,
            String userId,
            long lastSent) {
        this.sink = sink;
        this.sse = sse;
        this.mapper = mapper;
        this.readers = readers;
        this.orgId = orgId;
        this.userId = userId;
        this.lastSent = lastSent;
    }

    synchronized void onClose(Runnable action) {
        this.onClose = action;
    }

    /** Never blocks: a read is started, or, if one is under way, another is asked for after it. */
    synchronized void wakeUp() {
        if (closed) {
            return;
        }
        if (reading) {
            wokenWhileReading = true;
            return;
        }
        reading = true;
        readers.readAfter(orgId, userId, lastSent, this::send, this::failed);
    }

    synchronized void keepAlive() {
        if (checkOpen()) {
            sink.send(sse.newEventBuilder().comment("keep-alive").build()).whenComplete(this::sent);
        }
    }

    private synchronized void send(List<Notification> unsent) {
        for (Notification notification : unsent) {
            if (notification.seq > lastSent && checkOpen()) {
                lastSent = notification.seq;
                sink.send(sse.newEventBuilder()
                                .id(Long.toString(notification.seq))
                                .name("notification")
                                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(json(notification))
                                .build())
                        .whenComplete(this::sent);
            }
        }
        reading = false;
        if (wokenWhileReading) {
            wokenWhileReading = false;
            wakeUp();
        }
    }

    private synchronized void failed(Exception error) {
        // The client reconnects with its Last-Event-ID and gets what it missed.
        LOG.warnf("closing a notification stream: cannot read its notifications (%s)", error.toString());
        reading = false;
        sink.close();
        close();
    }

    private String json(Notification notification) {
        try {
            return mapper.writeValueAsString(NotificationView.of(notification));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sent(Object ignored, Throwable error) {
        if (error != null) {
            synchronized (this) {
                close();
            }
        }
    }

    private boolean checkOpen() {
        if (sink.isClosed()) {
            close();
            return false;
        }
        return !closed;
    }

    private void close() {
        closed = true;
        onClose.run();
        onClose = () -> {};
    }
}
