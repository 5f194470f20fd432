package dev.attest.notification.rest;

import dev.attest.common.paging.PageRequest;
import dev.attest.common.problem.ProblemException;
import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.notification.service.UserNotifications;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The signed-in user's in-app notifications. */
@Path("/notifications")
@RolesAllowed({Roles.USER, Roles.ORG_ADMIN})
public class NotificationResource {
    private final UserNotifications notifications;
    private final Caller caller;

    NotificationResource(UserNotifications notifications, Caller caller) {
        this.notifications = notifications;
        this.caller = caller;
    }

    public record PageView(List<NotificationView> items, int page, int size, long total) {}

    @GET
    @Path("/me")
    public PageView mine(
            @QueryParam("unread") @DefaultValue("false") boolean unread, @Valid @BeanParam PageRequest paging) {
        var result = notifications.page(caller.orgId(), caller.subject(), unread, paging.page, paging.size);
        return new PageView(
                result.items().stream().map(NotificationView::of).toList(), paging.page, paging.size, result.total());
    }

    @POST
    @Path("/{id}/read")
    public NotificationView markRead(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Notification " + id);
        }
        return NotificationView.of(notifications.markRead(caller.orgId(), caller.subject(), uuid));
    }

    @POST
    @Path("/me/read-all")
    public Map<String, Integer> markAllRead() {
        return Map.of("updated", notifications.markAllRead(caller.orgId(), caller.subject()));
    }
}
