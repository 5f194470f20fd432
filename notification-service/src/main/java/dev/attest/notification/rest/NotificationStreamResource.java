package dev.attest.notification.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.problem.ProblemException;
import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.notification.Notification;
import dev.attest.notification.service.NotificationBroadcaster;
import dev.attest.notification.service.UserNotifications;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.List;

/**
 * The live stream of the signed-in user's notifications (Server-Sent Events, which pass through the
 * gateway as a plain HTTP response). Each event's id is the notification's {@code seq}; a client that
 * reconnects with {@code Last-Event-ID} first gets everything after it from the database.
 */
@Path("/notifications/me/stream")
@RolesAllowed({Roles.USER, Roles.ORG_ADMIN})
public class NotificationStreamResource {
    private static final long KEEP_ALIVE_MS = 15_000;

    private final UserNotifications notifications;
    private final NotificationBroadcaster broadcaster;
    private final ObjectMapper mapper;
    private final Caller caller;
    private final Vertx vertx;

    NotificationStreamResource(
            UserNotifications notifications,
            NotificationBroadcaster broadcaster,
            ObjectMapper mapper,
            Caller caller,
            Vertx vertx) {
        this.notifications = notifications;
        this.broadcaster = broadcaster;
        this.mapper = mapper;
        this.caller = caller;
        this.vertx = vertx;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(
            @Context SseEventSink sink,
            @Context Sse sse,
            @HeaderParam("Last-Event-ID") String lastEventIdHeader,
            @QueryParam("last_event_id") String lastEventIdParam) {
        String orgId = caller.orgId();
        String userId = caller.subject();
        long lastEventId = parse(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam);
        Connection connection = new Connection(sink, sse);
        // Listen first, then replay: what commits during the replay is buffered, not lost.
        AutoCloseable subscription = broadcaster.subscribe(orgId, userId, connection::live);
        long timer = vertx.setPeriodic(KEEP_ALIVE_MS, id -> connection.keepAlive());
        connection.onClose(() -> {
            vertx.cancelTimer(timer);
            try {
                subscription.close();
            } catch (Exception ignored) {
                // Removing a listener does not fail.
            }
        });
        List<Notification> missed = lastEventId >= 0 ? notifications.after(orgId, userId, lastEventId) : List.of();
        connection.replayed(missed, lastEventId);
    }

    private static long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-last-event-id", "Last-Event-ID must be a number.");
        }
    }

    /** One open stream: sends in seq order, each notification once, whether it came live or from the replay. */
    private final class Connection {
        private final SseEventSink sink;
        private final Sse sse;
        private final List<Notification> buffered = new ArrayList<>();
        private boolean replaying = true;
        private long lastSent = -1;
        private Runnable onClose = () -> {};

        Connection(SseEventSink sink, Sse sse) {
            this.sink = sink;
            this.sse = sse;
        }

        synchronized void onClose(Runnable action) {
            this.onClose = action;
        }

        synchronized void live(Notification notification) {
            if (replaying) {
                buffered.add(notification);
            } else {
                send(notification);
            }
        }

        synchronized void replayed(List<Notification> missed, long after) {
            lastSent = Math.max(lastSent, after);
            missed.forEach(this::send);
            buffered.stream().sorted((a, b) -> Long.compare(a.seq, b.seq)).forEach(this::send);
            buffered.clear();
            replaying = false;
        }

        synchronized void keepAlive() {
            if (checkOpen()) {
                sink.send(sse.newEventBuilder().comment("keep-alive").build()).whenComplete(this::sent);
            }
        }

        private void send(Notification notification) {
            if (notification.seq <= lastSent || !checkOpen()) {
                return;
            }
            lastSent = notification.seq;
            sink.send(sse.newEventBuilder()
                            .id(Long.toString(notification.seq))
                            .name("notification")
                            .mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(json(notification))
                            .build())
                    .whenComplete(this::sent);
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
            return true;
        }

        private void close() {
            onClose.run();
            onClose = () -> {};
        }
    }
}
