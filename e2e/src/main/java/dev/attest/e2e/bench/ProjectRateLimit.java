package dev.attest.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.e2e.Settings;
import dev.attest.e2e.auth.SignedIn;
import dev.attest.e2e.http.HttpJson;
import dev.attest.e2e.tenant.DemoTenant;
import java.util.Map;

/**
 * The demo project's rate limit, raised for a benchmark run and put back after: a batch of a thousand users is
 * one project's traffic, far over the default bucket of a real project. Done through the API, as the org admin
 * would.
 */
final class ProjectRateLimit implements AutoCloseable {
    private final HttpJson http;
    private final String url;
    private final String token;
    private final JsonNode previous;

    private ProjectRateLimit(HttpJson http, String url, String token, JsonNode previous) {
        this.http = http;
        this.url = url;
        this.token = token;
        this.previous = previous;
    }

    static ProjectRateLimit raise(
            Settings settings, HttpJson http, SignedIn orgAdmin, DemoTenant tenant, int perSecond) {
        String url = settings.gatewayUrl() + "/orgs/" + tenant.orgId() + "/projects/" + tenant.projectId();
        JsonNode previous =
                http.get(url, orgAdmin.accessToken()).expect(200).json().path("rate_limit");
        ObjectNode raised = HttpJson.object();
        raised.putObject("rate_limit").put("capacity", perSecond).put("refill_per_second", perSecond);
        http.send("PATCH", url, orgAdmin.accessToken(), raised, Map.of()).expect(200);
        return new ProjectRateLimit(http, url, orgAdmin.accessToken(), previous);
    }

    String previousText() {
        return previous.path("capacity").asInt() + " burst, "
                + previous.path("refill_per_second").asDouble() + "/s";
    }

    @Override
    public void close() {
        ObjectNode restored = HttpJson.object();
        restored.set("rate_limit", previous);
        http.send("PATCH", url, token, restored, Map.of()).expect(200);
    }
}
