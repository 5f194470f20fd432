package dev.attest.gateway.analytics;

import dev.attest.gateway.proxy.Route;
import dev.attest.gateway.proxy.RouteTable;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.UUID;

/**
 * Times every request at the edge, from the router's first handler to the end of its response, by route class:
 * the route table's scope area ({@code kyc}, {@code wallets}, {@code identities}, {@code notifications},
 * {@code documents}), {@code webhooks} for provider webhooks, {@code gateway} for the gateway's own API. Event
 * streams and WebSocket upgrades are not timed (their length is the client's), nor {@code /q/} and the console's
 * files. The organization and project are those the edge decided for the request ({@link #actingIn}, called by
 * {@code EdgeAccess}); requests that acted in none (webhooks, the gateway's own API) count for the platform only.
 */
@ApplicationScoped
public class RequestTiming {
    /** Before every other handler of the router (CORS is -300, authentication -200, the proxy's routes -250/-100). */
    private static final int ORDER = -10_000;

    private static final String TENANT = "attest.analytics.tenant";

    private final RouteTable routes;
    private final LatencyRecorder recorder;
    private final AnalyticsConfig config;

    RequestTiming(RouteTable routes, LatencyRecorder recorder, AnalyticsConfig config) {
        this.routes = routes;
        this.recorder = recorder;
        this.config = config;
    }

    void register(@Observes Router router) {
        if (config.latencyEnabled()) {
            router.route().order(ORDER).handler(this::time);
        }
    }

    private void time(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.startsWith("/q/")
                || path.startsWith("/console")
                || ctx.request().headers().contains("Upgrade")) {
            ctx.next();
            return;
        }
        long start = System.nanoTime();
        Tenant tenant = new Tenant();
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(TENANT, tenant);
        }
        ctx.addEndHandler(ended -> {
            String type = ctx.response().headers().get("Content-Type");
            if (type != null && type.startsWith("text/event-stream")) {
                return;
            }
            long micros = (System.nanoTime() - start) / 1_000;
            recorder.record(tenant.orgId, tenant.projectKey, routeClass(path), System.currentTimeMillis(), micros);
        });
        ctx.next();
    }

    /** The class of a path: its route's area, {@code webhooks}, or {@code gateway} when no route takes it. */
    String routeClass(String path) {
        if (path.startsWith("/webhooks/")) {
            return "webhooks"; // the provider webhooks (the busiest path): no need to try every route
        }
        if (path.startsWith("/_bench/")) {
            return "gateway";
        }
        Optional<Route> route = routes.find(path);
        if (route.isEmpty()) {
            return "gateway";
        }
        return route.get().webhook() ? "webhooks" : route.get().area();
    }

    /**
     * States the organization and project the current request acts in, for its latency. Called on the request's
     * (duplicated) Vert.x context, the worker thread the edge decides on included; elsewhere it does nothing.
     */
    public static void actingIn(Optional<UUID> orgId, Optional<UUID> projectId) {
        if (orgId.isEmpty() || !VertxContext.isOnDuplicatedContext()) {
            return;
        }
        ContextLocals.<Tenant>get(TENANT).ifPresent(tenant -> {
            tenant.orgId = orgId.get().toString();
            tenant.projectKey = projectId.map(UUID::toString).orElse("");
        });
    }

    /** Written by the worker that decides, read when the response ends (after the decision, on the event loop). */
    private static final class Tenant {
        volatile String orgId = "";
        volatile String projectKey = "";
    }
}
