package dev.attest.gateway.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Serves the web console (the production build of {@code web/}) under {@code /console/}: its files, its
 * runtime configuration at {@code /console/config.json} (so that one build runs against any deployment),
 * and {@code index.html} for every other path under {@code /console/}, where the console's own router takes
 * over. {@code /} leads to the console. Nothing here needs authentication: the console signs its users in
 * itself and calls the API with their tokens.
 */
@ApplicationScoped
public class ConsoleRoutes {
    private static final Logger LOG = Logger.getLogger(ConsoleRoutes.class);
    public static final String PREFIX = "/console";
    /** Before the proxy's routes (-100), which never route these paths anyway. */
    private static final int ROUTE_ORDER = -150;

    void register(@Observes Router router, GatewayConfig config, ObjectMapper mapper) {
        String configJson = configDocument(config.console(), mapper);
        router.get(PREFIX + "/config.json").order(ROUTE_ORDER).handler(ctx -> noStore(ctx.response())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(configJson));
        if (config.console().dir().isEmpty()) {
            return;
        }
        Path dir = Path.of(config.console().dir().get()).toAbsolutePath().normalize();
        Path index = dir.resolve("index.html");
        if (!Files.isRegularFile(index)) {
            LOG.warnf("No console at %s (no index.html): build it with `npm run build --prefix web`", dir);
            return;
        }
        router.get("/").order(ROUTE_ORDER).handler(ctx -> ctx.redirect(PREFIX + "/"));
        // a plain path route would also match "/console/" (Vert.x allows a trailing slash): a redirect loop
        router.getWithRegex(PREFIX).order(ROUTE_ORDER).handler(ctx -> ctx.redirect(PREFIX + "/"));
        router.route(PREFIX + "/*").order(ROUTE_ORDER).handler(ConsoleRoutes::securityHeaders);
        // Vite names every asset by its content hash, so assets are kept a year; nothing else is cached.
        router.get(PREFIX + "/assets/*")
                .order(ROUTE_ORDER)
                // the route's own path is taken off the request's: the web root is the assets directory
                .handler(StaticHandler.create(
                                FileSystemAccess.ROOT, dir.resolve("assets").toString())
                        .setDefaultContentEncoding("UTF-8")
                        .setCachingEnabled(true)
                        .setMaxAgeSeconds(365L * 24 * 3600));
        router.get(PREFIX + "/*").order(ROUTE_ORDER + 1).handler(ctx -> {
            if (ctx.normalizedPath().startsWith(PREFIX + "/assets/")) {
                ctx.next(); // a missing asset is a 404, not the page
                return;
            }
            Path file = dir.resolve(ctx.normalizedPath().substring(PREFIX.length() + 1))
                    .normalize();
            boolean topLevelFile = file.startsWith(dir) && !file.equals(dir) && Files.isRegularFile(file);
            noStore(ctx.response());
            if (!topLevelFile) {
                // a route of the console's own router: the page, which then shows that route
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8");
            }
            ctx.response().sendFile((topLevelFile ? file : index).toString());
        });
        LOG.infof("Console served at %s/ from %s", PREFIX, dir);
    }

    private static void securityHeaders(RoutingContext ctx) {
        ctx.response()
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                // The console frames Persona's flow; nothing may frame the console.
                .putHeader("X-Frame-Options", "DENY");
        ctx.next();
    }

    private static HttpServerResponse noStore(HttpServerResponse response) {
        return response.putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    /** What the console reads at start; only public facts, never a secret. */
    static String configDocument(GatewayConfig.Console console, ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        root.putObject("oidc").put("authority", console.oidcAuthority()).put("client_id", console.oidcClientId());
        ObjectNode persona = root.putObject("persona").putObject("client_options");
        // the SDK's own option: a bare host (localhost:PORT is reached over http, any other over https)
        console.personaHost().ifPresent(host -> persona.put("customHost", host));
        ObjectNode chain = root.putObject("chain");
        chain.put("explorer_tx_url", console.explorerTxUrl().orElse(null));
        chain.put("explorer_address_url", console.explorerAddressUrl().orElse(null));
        root.put("signup_org", console.signupOrg().orElse(null));
        return root.toString();
    }
}
