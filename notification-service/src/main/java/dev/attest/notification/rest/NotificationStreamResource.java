package dev.attest.notification.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.problem.ProblemException;
import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
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

/**
 * The live stream of the signed-in user's notifications (Server-Sent Events, which pass through the
 * gateway as a plain HTTP response). Each event's id is the notification's {@code seq}; a client that
 * reconnects with {@code Last-Event-ID} first gets everything after it from the database. Without it, the
 * stream starts after the user's newest notification.
 */
@Path("/notifications/me/stream")
@RolesAllowed({Roles.USER, Roles.ORG_ADMIN})
public class NotificationStreamResource {
    private static final long KEEP_ALIVE_MS = 15_000;

    private final UserNotifications notifications;
    private final NotificationBroadcaster broadcaster;
    private final StreamReaders readers;
    private final ObjectMapper mapper;
    private final Caller caller;
    private final Vertx vertx;

    NotificationStreamResource(
            UserNotifications notifications,
            NotificationBroadcaster broadcaster,
            StreamReaders readers,
            ObjectMapper mapper,
            Caller caller,
            Vertx vertx) {
        this.notifications = notifications;
        this.broadcaster = broadcaster;
        this.readers = readers;
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
        long after = lastEventId >= 0 ? lastEventId : notifications.latestSeq(orgId, userId);
        LiveStream stream = new LiveStream(sink, sse, mapper, readers, orgId, userId, after);
        // Subscribe, then read once: what commits in between is read by that first pass or wakes it again.
        AutoCloseable subscription = broadcaster.subscribe(orgId, userId, stream::wakeUp);
        long timer = vertx.setPeriodic(KEEP_ALIVE_MS, id -> stream.keepAlive());
        stream.onClose(() -> {
            vertx.cancelTimer(timer);
            try {
                subscription.close();
            } catch (Exception ignored) {
                // Removing a listener does not fail.
            }
        });
        // A first comment sends the response headers now: without it a client (through the gateway too) sees
        // the stream open only with the first notification or keep-alive, up to 15 s later.
        stream.keepAlive();
        stream.wakeUp();
    }

    private static long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return -1;
        }
        try {
            long parsed = Long.parseLong(lastEventId.trim());
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-last-event-id", "Last-Event-ID must be a number.");
        }
    }
}
