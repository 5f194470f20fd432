package dev.attest.e2e.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.e2e.Settings;
import dev.attest.e2e.auth.Keycloak;
import dev.attest.e2e.auth.SignedIn;
import dev.attest.e2e.http.HttpJson;
import dev.attest.e2e.http.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Sets up the demo organization through the public API, as its operators would by hand: the platform
 * admin creates the organization and its project and makes {@code org-admin} its administrator; the org
 * admin stores the organization's Persona and Dfns settings. Every step first looks, so running it again
 * changes nothing. The provider credentials are the local sandbox's: the launcher generated the Dfns
 * service account's key pair (in the secrets directory) and gave the sandbox its public half.
 */
public final class DemoTenantSetup {
    /** The sandbox's Persona test values (sandbox/src/main/resources), good for nothing else. */
    public static final String PERSONA_API_KEY = "persona_sandbox_key";

    private static final String PERSONA_TEMPLATE = "itmpl_local";
    /** The demo organization's Persona webhook secret, as the sandbox signs with it. */
    public static final String PERSONA_WEBHOOK_SECRET = "wbhsec_sandbox";

    private static final String WALLET_NETWORK = "ethereum-sepolia";

    private final Settings settings;
    private final HttpJson http;
    private final Keycloak keycloak;

    public DemoTenantSetup(Settings settings, HttpJson http, Keycloak keycloak) {
        this.settings = settings;
        this.http = http;
        this.keycloak = keycloak;
    }

    public DemoTenant ensure() {
        SignedIn platformAdmin = keycloak.signIn("platform-admin", "platform-admin");
        SignedIn orgAdmin = keycloak.signIn("org-admin", "org-admin");
        String orgId = ensureOrganization(platformAdmin);
        String projectId = ensureProject(platformAdmin, orgId);
        ensureAdmin(platformAdmin, orgId, orgAdmin);
        storePersonaSettings(orgAdmin, orgId);
        storeDfnsSettings(orgAdmin, orgId);
        return new DemoTenant(orgId, settings.demoOrgSlug(), projectId);
    }

    private String ensureOrganization(SignedIn platformAdmin) {
        String slug = settings.demoOrgSlug();
        Reply existing = http.get(gateway("/orgs/" + slug), platformAdmin.accessToken());
        if (existing.status() == 200) {
            if (!existing.json().path("self_signup").asBoolean()) {
                // an organization made before self sign-up existed: the console's sign-up joins it
                http.send(
                                "PATCH",
                                gateway("/orgs/" + slug),
                                platformAdmin.accessToken(),
                                HttpJson.object().put("self_signup", true),
                                Map.of())
                        .expect(200);
            }
            return existing.json().path("id").asText();
        }
        existing.expect(404);
        ObjectNode organization = HttpJson.object()
                .put("name", "Demo Organization")
                .put("slug", slug)
                .put("self_signup", true); // people who sign up in the console join it as end users
        organization.putArray("admin_contacts").add("org-admin@attest.test");
        return http.post(gateway("/orgs"), platformAdmin.accessToken(), organization)
                .expect(201)
                .json()
                .path("id")
                .asText();
    }

    private String ensureProject(SignedIn platformAdmin, String orgId) {
        JsonNode projects = http.get(gateway("/orgs/" + orgId + "/projects"), platformAdmin.accessToken())
                .expect(200)
                .json();
        if (projects.size() > 0) {
            return projects.path(0).path("id").asText();
        }
        ObjectNode project = HttpJson.object()
                .put("name", "Demo app")
                .put("environment", "sandbox")
                .put("kyc_provider", "persona")
                .put("wallet_network", WALLET_NETWORK);
        return http.post(gateway("/orgs/" + orgId + "/projects"), platformAdmin.accessToken(), project)
                .expect(201)
                .json()
                .path("id")
                .asText();
    }

    /** Makes the realm's org-admin a member with that role: its address is where admin email goes. */
    private void ensureAdmin(SignedIn platformAdmin, String orgId, SignedIn orgAdmin) {
        JsonNode members = http.get(gateway("/orgs/" + orgId + "/members"), platformAdmin.accessToken())
                .expect(200)
                .json();
        for (JsonNode member : members) {
            if (orgAdmin.subject().equals(member.path("user_id").asText())) {
                return;
            }
        }
        String email = orgAdmin.email() != null ? orgAdmin.email() : "org-admin@attest.test";
        ObjectNode member = HttpJson.object()
                .put("user_id", orgAdmin.subject())
                .put("email", email)
                .put("role", "org-admin");
        http.post(gateway("/orgs/" + orgId + "/members"), platformAdmin.accessToken(), member)
                .expect(201, 409);
    }

    private void storePersonaSettings(SignedIn orgAdmin, String orgId) {
        ObjectNode persona = HttpJson.object()
                .put("api_key", PERSONA_API_KEY)
                .put("inquiry_template_id", PERSONA_TEMPLATE)
                .put("environment", "sandbox");
        persona.putArray("webhook_secrets").add(PERSONA_WEBHOOK_SECRET);
        http.put(gateway("/orgs/" + orgId + "/integrations/persona"), orgAdmin.accessToken(), persona)
                .expect(200);
    }

    private void storeDfnsSettings(SignedIn orgAdmin, String orgId) {
        Path dfns = settings.secretsDir().resolve("dfns");
        ObjectNode body = HttpJson.object()
                .put("api_base_url", settings.dfnsApiUrl())
                .put("token", read(dfns.resolve("token")))
                .put("credential_id", read(dfns.resolve("credential-id")))
                .put("private_key", read(dfns.resolve("credential.pem")))
                .put("default_network", "EthereumSepolia")
                .put("webhook_secret", read(dfns.resolve("webhook-secret")));
        http.put(gateway("/orgs/" + orgId + "/integrations/dfns"), orgAdmin.accessToken(), body)
                .expect(200);
    }

    private String gateway(String path) {
        return settings.gatewayUrl() + path;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    new IOException("cannot read " + file + " (made by ./attest up: run it first)", e));
        }
    }
}
