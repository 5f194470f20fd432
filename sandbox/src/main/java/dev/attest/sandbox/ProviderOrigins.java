package dev.attest.sandbox;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Serves each provider at the root of its own origin, as the real ones are: the official SDKs and dashboard
 * tools resolve their paths against the origin of the base URL ({@code new URL('/wallets', baseUrl)}), so they
 * cannot reach a provider mounted under a prefix. Each configured port ({@link ProviderOriginsConfig}) is a
 * Vert.x server handing its requests to Quarkus' own router, whose first route reroutes them to the provider's
 * prefix ({@link ProviderRoot}); from there on they are the main port's requests (same resources, filters,
 * error mapping). The main port keeps the prefixed paths: services' tests run the sandbox in-process and call
 * it there.
 */
@ApplicationScoped
public class ProviderOrigins {
    private static final Logger LOG = Logger.getLogger(ProviderOrigins.class);
    private static final String REROUTED = ProviderOrigins.class.getName() + ".rerouted";
    private static final long TIMEOUT_SECONDS = 30;

    private final Vertx vertx;
    private final ProviderOriginsConfig config;
    private final Map<Integer, ProviderRoot> byPort = new ConcurrentHashMap<>();
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private volatile OptionalInt dfnsPort = OptionalInt.empty();
    private volatile OptionalInt personaPort = OptionalInt.empty();
    private volatile OptionalInt sumsubPort = OptionalInt.empty();

    ProviderOrigins(Vertx vertx, ProviderOriginsConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    /** The port Dfns is served on at the root; empty when it has none. */
    public OptionalInt dfnsPort() {
        return dfnsPort;
    }

    /** The port Persona is served on at the root; empty when it has none. */
    public OptionalInt personaPort() {
        return personaPort;
    }

    /** The port Sumsub is served on at the root; empty when it has none. */
    public OptionalInt sumsubPort() {
        return sumsubPort;
    }

    /**
     * Quarkus hands its router over before the main port opens: the provider ports open now, and a port that
     * cannot open fails the start, as the main port's would.
     */
    void serve(@Observes Router router) {
        if (config.dfnsPort().isEmpty()
                && config.personaPort().isEmpty()
                && config.sumsubPort().isEmpty()) {
            return;
        }
        router.route().order(Integer.MIN_VALUE).handler(this::toProviderPrefix);
        Config all = ConfigProvider.getConfig();
        String host = all.getOptionalValue("quarkus.http.host", String.class)
                .orElse(LaunchMode.current().isDevOrTest() ? "localhost" : "0.0.0.0");
        boolean mainPortIsAnyFree = mainPort(all) == 0;
        config.dfnsPort()
                .ifPresent(port ->
                        dfnsPort = OptionalInt.of(listen(router, host, port, mainPortIsAnyFree, ProviderRoot.DFNS)));
        config.personaPort()
                .ifPresent(port -> personaPort =
                        OptionalInt.of(listen(router, host, port, mainPortIsAnyFree, ProviderRoot.PERSONA)));
        config.sumsubPort()
                .ifPresent(port -> sumsubPort =
                        OptionalInt.of(listen(router, host, port, mainPortIsAnyFree, ProviderRoot.SUMSUB)));
    }

    void stop(@Observes ShutdownEvent event) {
        for (HttpServer server : servers) {
            try {
                await(server.close());
            } catch (IllegalStateException e) {
                LOG.warnf("closing the provider port %d failed: %s", server.actualPort(), e.getMessage());
            }
        }
        servers.clear();
        byPort.clear();
    }

    private int listen(Router router, String host, int configured, boolean mainPortIsAnyFree, ProviderRoot provider) {
        int port = serverPort(configured, mainPortIsAnyFree, provider);
        if (port > 0) {
            byPort.put(port, provider); // known before its first request can arrive
        }
        HttpServer server = vertx.createHttpServer(
                        new HttpServerOptions().setHost(host).setPort(port))
                .requestHandler(router);
        HttpServer listening;
        try {
            listening = await(server.listen());
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    "cannot serve " + provider + " on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        servers.add(listening);
        byPort.put(listening.actualPort(), provider);
        LOG.infof("%s is served at the root of http://%s:%d", provider, host, listening.actualPort());
        return listening.actualPort();
    }

    /**
     * The port a provider's server is given. Quarkus tags every Vert.x HTTP server's meters with
     * {@code server.port} only when that server was given a port (not 0), and Prometheus refuses one meter
     * name with two tag sets: the server registered second would never listen. So a provider port is given
     * the same way as the main one: "any free port" (0) is picked here when the main port is a fixed one, and
     * a fixed provider port beside a main port of 0 is refused. (With every port 0, as in tests, the servers
     * share one set of meters, and Micrometer says once that the connections gauge exists already.)
     */
    private static int serverPort(int configured, boolean mainPortIsAnyFree, ProviderRoot provider) {
        if (configured == 0 && !mainPortIsAnyFree) {
            return freePort();
        }
        if (configured != 0 && mainPortIsAnyFree) {
            throw new IllegalStateException("the " + provider + " port is " + configured
                    + " but the main HTTP port is 0 (any free port): give both a port, or both 0");
        }
        return configured;
    }

    /** The main port as configured: 0 means any free port (the default in tests). */
    private static int mainPort(Config all) {
        return LaunchMode.current() == LaunchMode.TEST
                ? all.getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081)
                : all.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** First route of every request: one that came in on a provider port goes to that provider's prefix. */
    private void toProviderPrefix(RoutingContext context) {
        HttpServerRequest request = context.request();
        SocketAddress local = request.localAddress();
        ProviderRoot provider = local == null ? null : byPort.get(local.port());
        if (provider == null || context.get(REROUTED) != null) {
            context.next();
            return;
        }
        context.put(REROUTED, Boolean.TRUE);
        String target = provider.mainPath(request.path(), request.query());
        if (target == null) {
            context.next();
        } else {
            context.reroute(target);
        }
    }

    /** Startup and shutdown run off the event loop: waiting for the server here is safe. */
    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer in " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
