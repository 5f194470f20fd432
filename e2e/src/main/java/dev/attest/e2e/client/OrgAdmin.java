package dev.attest.e2e.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.e2e.Settings;
import dev.attest.e2e.auth.SignedIn;
import dev.attest.e2e.http.HttpJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What an organization's admin reads through the gateway: the organization's listings, every page. */
public final class OrgAdmin {
    private final Settings settings;
    private final HttpJson http;
    private final SignedIn admin;

    public OrgAdmin(Settings settings, HttpJson http, SignedIn admin) {
        this.settings = settings;
        this.http = http;
        this.admin = admin;
    }

    /** All items of {@code /orgs/{org}/<listing>} ({@code wallets}, {@code transactions}), following page tokens. */
    public List<JsonNode> listAll(String orgId, String listing) {
        List<JsonNode> items = new ArrayList<>();
        String pageToken = null;
        do {
            String url = settings.gatewayUrl() + "/orgs/" + orgId + "/" + listing + "?limit=100"
                    + (pageToken == null ? "" : "&page_token=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8));
            JsonNode page = http.get(url, admin.accessToken()).expect(200).json();
            page.path("items").forEach(items::add);
            pageToken = page.path("next_page_token").asText(null);
        } while (pageToken != null && !pageToken.isEmpty());
        return items;
    }
}
