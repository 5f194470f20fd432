package dev.attest.e2e.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.e2e.Settings;
import dev.attest.e2e.auth.Keycloak;
import dev.attest.e2e.http.HttpJson;
import dev.attest.e2e.http.Reply;
import dev.attest.e2e.tenant.DemoTenant;
import dev.attest.e2e.tenant.DemoTenantSetup;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every class of bad input, sent through the gateway to every service as a client would send it: each is answered
 * with a 4xx {@code application/problem+json} of a stable type, and the organization's settings, projects and
 * endpoints read the same afterwards (nothing was written).
 */
@ExtendWith(TheStack.class)
class HostileInputSystemTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PROBLEMS = "https://attest.dev/problems/";
    /** A well-formed signing key, so that the Dfns settings are refused for the one thing a test changes. */
    private static final String ED25519_KEY = newEd25519Pem();

    /** One hostile request and the problem type it must be answered with. */
    private record Attempt(String method, String path, JsonNode body, int status, String type) {}

    @Test
    void badInputIsAProblemAndChangesNothing(LocalStack stack) {
        Settings settings = stack.settings();
        HttpJson http = new HttpJson();
        Keycloak keycloak = new Keycloak(settings, http);
        DemoTenant tenant = new DemoTenantSetup(settings, http, keycloak).ensure();
        String admin = keycloak.signIn("org-admin", "org-admin").accessToken();
        String org = "/orgs/" + tenant.orgId();
        String bySlug = "/orgs/" + tenant.slug();
        String endpoints = bySlug + "/projects/" + tenant.projectId() + "/webhooks/endpoints";
        List<String> readBack = List.of(
                org + "/projects",
                org + "/integrations/persona",
                org + "/integrations/dfns",
                org + "/spending-policy",
                endpoints);
        Map<String, JsonNode> before = snapshot(http, settings, admin, readBack);

        List<Attempt> attempts = new ArrayList<>();
        // The JSON is not of the operation's shape.
        attempts.add(new Attempt("POST", org + "/projects", NODES.arrayNode(), 400, "malformed-body"));
        attempts.add(new Attempt(
                "PUT", org + "/integrations/persona", object("api_key", NODES.objectNode()), 400, "malformed-body"));
        attempts.add(new Attempt(
                "PUT", org + "/spending-policy", object("daily_limit", NODES.arrayNode()), 400, "malformed-body"));
        attempts.add(new Attempt("POST", endpoints, object("url", NODES.arrayNode()), 400, "malformed-body"));
        // Text PostgreSQL cannot store.
        attempts.add(
                new Attempt("POST", org + "/projects", project().put("name", "nul\u0000name"), 400, "invalid-text"));
        attempts.add(new Attempt(
                "PUT",
                org + "/integrations/persona",
                object("inquiry_template_id", NODES.textNode("itmpl_\u0000")),
                400,
                "invalid-text"));
        attempts.add(new Attempt(
                "POST", endpoints, object("url", NODES.textNode("https://example.com/\u0000")), 400, "invalid-text"));
        attempts.add(new Attempt("GET", org + "/projects/a%00b", null, 400, "invalid-text"));
        // Values beyond what the domain allows.
        String huge = "c".repeat(100_000);
        attempts.add(new Attempt(
                "PUT",
                org + "/integrations/persona",
                object("api_key", NODES.textNode(huge)),
                400,
                "validation-failed"));
        attempts.add(new Attempt(
                "PUT",
                org + "/integrations/dfns",
                dfns("http://example.com").put("credential_id", huge),
                400,
                "validation-failed"));
        attempts.add(new Attempt(
                "PUT",
                org + "/spending-policy",
                object("per_transfer_limit", NODES.textNode("1" + "0".repeat(80))),
                400,
                "validation-failed"));
        // Paging out of bounds, or not a number.
        attempts.add(new Attempt("GET", org + "/kyc/cases?page=2147483647", null, 400, "validation-failed"));
        attempts.add(new Attempt(
                "GET",
                endpoints + "/" + UUID.randomUUID() + "/messages?page=2147483647",
                null,
                400,
                "validation-failed"));
        attempts.add(new Attempt("GET", org + "/kyc/cases?page=abc", null, 400, "invalid-parameter"));
        // Provider URLs into our own or the cloud's networks (server-side request forgery).
        for (String url :
                List.of("http://169.254.169.254/latest/meta-data", "http://2130706433/", "http://10.0.0.1/")) {
            attempts.add(new Attempt("PUT", org + "/integrations/dfns", dfns(url), 400, "api-base-url-refused"));
            attempts.add(
                    new Attempt("POST", endpoints, object("url", NODES.textNode(url)), 400, "webhook-url-refused"));
        }

        SoftAssertions softly = new SoftAssertions();
        for (Attempt attempt : attempts) {
            Reply reply = http.send(
                    attempt.method(), settings.gatewayUrl() + attempt.path(), admin, attempt.body(), Map.of());
            String what = attempt.method() + " " + abbreviated(attempt.path()) + " "
                    + abbreviated(String.valueOf(attempt.body()));
            softly.assertThat(reply.status())
                    .as(what + ": status (" + abbreviated(reply.body()) + ")")
                    .isEqualTo(attempt.status());
            softly.assertThat(reply.header("Content-Type"))
                    .as(what + ": content type")
                    .startsWith("application/problem+json");
            if (attempt.type() != null) {
                softly.assertThat(reply.json().path("type").asText())
                        .as(what + ": problem type")
                        .isEqualTo(PROBLEMS + attempt.type());
            }
        }
        softly.assertAll();

        assertThat(snapshot(http, settings, admin, readBack)).isEqualTo(before);
    }

    @Test
    void aTokenTheRealmIssuedToAnotherClientIsRefused(LocalStack stack) {
        Settings settings = stack.settings();
        HttpJson http = new HttpJson();
        // admin-cli is in every Keycloak realm; its tokens are not meant for Attest.
        Reply token = http.postForm(
                        settings.oidcUrl() + "/protocol/openid-connect/token",
                        null,
                        Map.of(
                                "grant_type", "password",
                                "client_id", "admin-cli",
                                "username", "org-admin",
                                "password", "org-admin"))
                .expect(200);

        Reply reply = http.get(
                settings.gatewayUrl() + "/orgs",
                token.json().path("access_token").asText());

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    private static Map<String, JsonNode> snapshot(HttpJson http, Settings settings, String bearer, List<String> paths) {
        Map<String, JsonNode> state = new LinkedHashMap<>();
        for (String path : paths) {
            state.put(
                    path,
                    http.get(settings.gatewayUrl() + path, bearer).expect(200).json());
        }
        return state;
    }

    private static ObjectNode object(String field, JsonNode value) {
        ObjectNode node = NODES.objectNode();
        node.set(field, value);
        return node;
    }

    private static ObjectNode project() {
        return NODES.objectNode()
                .put("name", "hostile")
                .put("environment", "sandbox")
                .put("wallet_network", "ethereum-sepolia");
    }

    /** Dfns settings that are valid but for what a test changes. */
    private static ObjectNode dfns(String apiBaseUrl) {
        return NODES.objectNode()
                .put("api_base_url", apiBaseUrl)
                .put("token", "eyJhbGciOiJFUzI1NiJ9.e30.c2ln")
                .put("credential_id", "cr-hostile")
                .put("private_key", ED25519_KEY)
                .put("default_network", "EthereumSepolia");
    }

    private static String newEd25519Pem() {
        try {
            byte[] pkcs8 = KeyPairGenerator.getInstance("Ed25519")
                    .generateKeyPair()
                    .getPrivate()
                    .getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviated(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }
}
