package dev.attest.gateway.monitoring;

import dev.attest.gateway.security.ApiKeyIdentityProvider;
import dev.attest.gateway.security.EdgeCaller;
import dev.attest.gateway.security.EdgeCallers;
import dev.attest.gateway.service.ApiKeyService;
import dev.attest.gateway.service.TenantAccess;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Watches every answer at the edge for what an attack leaves behind and counts it ({@link SecuritySignals}): a
 * provider webhook refused for its signature (401 from the service), an API key refused (unknown, malformed,
 * revoked or expired, as {@link ApiKeyIdentityProvider} found it), a 404 to an authenticated caller for a path that
 * names an id (probing other tenants' ids, which the edge and the services answer 404), a 429 of a rate limit. A 401 for a missing or expired
 * sign-in token is not counted: consoles' tokens expire all day long.
 */
@ApplicationScoped
public class EdgeSignals {
    /** After the request timing (-10,000), before CORS (-300), authentication (-200) and every route. */
    private static final int ORDER = -9_990;
    /** A path's organization as the signal's subject names it: what an organization reference can be, else "other". */
    private static final Pattern ORG_REF = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private static final int PATH_EVIDENCE = 120;
    private static final Pattern UUID_SEGMENT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String CALLER = "attest.monitoring.caller";

    private final SecuritySignals signals;
    private final EdgeCallers callers;
    private final MonitoringConfig config;

    EdgeSignals(SecuritySignals signals, EdgeCallers callers, MonitoringConfig config) {
        this.signals = signals;
        this.callers = callers;
        this.config = config;
    }

    void register(@Observes Router router) {
        if (config.enabled()) {
            router.route().order(ORDER).handler(this::watch);
        }
    }

    private void watch(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (!path.startsWith("/q/") && !path.startsWith("/console")) {
            // when the status is set and before the client can read it: the signal is counted by the time it can
            // see the answer
            ctx.addHeadersEndHandler(written -> observe(ctx, path));
        }
        ctx.next();
    }

    private void observe(RoutingContext ctx, String path) {
        int status = ctx.response().getStatusCode();
        if (status != 401 && status != 404 && status != 429) {
            return;
        }
        String source = ctx.request().remoteAddress() == null
                ? "unknown"
                : ctx.request().remoteAddress().hostAddress();
        if (path.startsWith("/webhooks/")) {
            webhook(path, status, source);
        } else if (status == 401) {
            ApiKeyService.KeyCheck refused = ctx.get(ApiKeyIdentityProvider.REFUSAL);
            if (refused != null) {
                apiKey(refused, source);
            }
        } else if (status == 429 || namesAnotherId(path)) {
            caller(ctx).ifPresent(caller -> {
                Map<String, String> evidence = Map.of("path", truncate(path), "source", source);
                Detector detector = status == 404 ? Detector.CROSS_TENANT : Detector.RATE_LIMIT;
                signals.record(detector, Subjects.caller(caller), orgOf(caller), projectOf(caller), evidence);
            });
        }
    }

    /**
     * Whether a 404 for {@code path} may be a probe of someone else's id: the path names an organization or an id
     * (a UUID segment), and nothing of the caller's own ({@code /me}): a client waiting for its own wallet or
     * identity to exist polls {@code GET /wallets/me} and gets 404 until it does, which is no attack.
     */
    static boolean namesAnotherId(String path) {
        String[] segments = path.split("/");
        boolean namesId = false;
        for (int i = 0; i < segments.length; i++) {
            if ("me".equals(segments[i])) {
                return false;
            }
            if (UUID_SEGMENT.matcher(segments[i]).matches() || (i > 0 && "orgs".equals(segments[i - 1]))) {
                namesId = true;
            }
        }
        return namesId;
    }

    /** {@code /webhooks/<provider>[/<org>]…}: a refused signature counts for the organization, a 429 for the source. */
    private void webhook(String path, int status, String source) {
        String[] segments = path.split("/", 5);
        String provider = segments.length > 2 ? segments[2] : "";
        String org = segments.length > 3 && !segments[3].isEmpty() ? segments[3] : "default";
        if (status == 401) {
            String ref = ORG_REF.matcher(org).matches() ? org : "other";
            signals.record(
                    Detector.WEBHOOK_SIGNATURE,
                    Subjects.organization(ref),
                    TenantAccess.parseUuid(ref).orElse(null),
                    null,
                    Map.of("source", source, "provider", truncate(provider)));
        } else if (status == 429) {
            signals.record(Detector.RATE_LIMIT, Subjects.source(source), null, null, Map.of("path", truncate(path)));
        }
    }

    /** A key of ours that is revoked or expired counts for that key (its organization is told); any other, per source. */
    private void apiKey(ApiKeyService.KeyCheck refused, String source) {
        Map<String, String> evidence = Map.of("reason", refused.refusal(), "source", source);
        if (refused.keyId() != null) {
            signals.record(
                    Detector.API_KEY, Subjects.apiKey(refused.keyId()), refused.orgId(), refused.projectId(), evidence);
        } else {
            signals.record(Detector.API_KEY, Subjects.source(source), null, null, evidence);
        }
    }

    /**
     * States who made a request the proxy authenticated itself (its routes authenticate lazily, so the routing
     * context has no user of its own).
     */
    public static void authenticated(RoutingContext ctx, EdgeCaller caller) {
        ctx.put(CALLER, caller);
    }

    private Optional<EdgeCaller> caller(RoutingContext ctx) {
        EdgeCaller stated = ctx.get(CALLER);
        if (stated != null) {
            return Optional.of(stated);
        }
        if (!(ctx.user() instanceof QuarkusHttpUser user)) {
            return Optional.empty();
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        return Optional.of(callers.of(identity));
    }

    private static UUID orgOf(EdgeCaller caller) {
        return caller.apiKey()
                .map(EdgeCaller.ApiKeyGrant::orgId)
                .or(() -> caller.orgClaim().flatMap(TenantAccess::parseUuid))
                .orElse(null);
    }

    private static UUID projectOf(EdgeCaller caller) {
        return caller.apiKey().map(EdgeCaller.ApiKeyGrant::projectId).orElse(null);
    }

    private static String truncate(String text) {
        return text.length() <= PATH_EVIDENCE ? text : text.substring(0, PATH_EVIDENCE);
    }
}
