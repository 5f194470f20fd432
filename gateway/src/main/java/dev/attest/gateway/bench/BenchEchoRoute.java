package dev.attest.gateway.bench;

import dev.attest.gateway.config.GatewayConfig;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /_bench/echo}: reads the whole body and answers 200 with it, touching nothing else (no
 * authentication, no rate limit, no upstream, no database). It is what the gateway's HTTP server alone does
 * with a request on this machine, the baseline the webhook ingest is compared with in the same benchmark
 * run. Registered only when {@code attest.gateway.bench-echo} is true.
 */
@ApplicationScoped
public class BenchEchoRoute {
    public static final String PATH = "/_bench/echo";
    /** Before the proxy's routes (-100) and the REST resources, so nothing else sees the request. */
    private static final int ROUTE_ORDER = -200;

    void register(
            @Observes Router router,
            GatewayConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size")
                    io.quarkus.runtime.configuration.MemorySize maxBody) {
        if (!config.benchEcho()) {
            return;
        }
        router.post(PATH)
                .order(ROUTE_ORDER)
                .handler(BodyHandler.create(false).setBodyLimit(maxBody.asLongValue()))
                .handler(ctx -> {
                    String type = ctx.request().getHeader("Content-Type");
                    if (type != null) {
                        ctx.response().putHeader("Content-Type", type);
                    }
                    ctx.response().end(ctx.body().buffer());
                });
    }
}
