package dev.attest.e2e.auth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.e2e.Settings;
import dev.attest.e2e.StepFailed;
import dev.attest.e2e.http.HttpJson;
import dev.attest.e2e.http.Reply;
import java.util.Map;

/**
 * Signs users in at the realm's token endpoint (the resource-owner password grant the local realm's
 * client allows, standing in for a browser login) and, with the master realm's admin, signs up new end
 * users the way an organization's sign-up page would.
 */
public final class Keycloak {
    /** The master realm's admin tokens live 60 s; one is reused for 45 s rather than signed in per user. */
    private static final long ADMIN_TOKEN_REUSE_NANOS = 45_000_000_000L;

    private final Settings settings;
    private final HttpJson http;
    private String adminToken;
    private long adminTokenAt;

    public Keycloak(Settings settings, HttpJson http) {
        this.settings = settings;
        this.http = http;
    }

    public SignedIn signIn(String username, String password) {
        Reply reply = http.postForm(
                        settings.oidcUrl() + "/protocol/openid-connect/token",
                        null,
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                settings.oidcClientId(),
                                "username",
                                username,
                                "password",
                                password,
                                "scope",
                                "openid"))
                .expect(200);
        return SignedIn.fromToken(username, reply.json().path("access_token").asText());
    }

    /** Creates an end user of {@code orgSlug} with the realm role {@code user}; answers once they can sign in. */
    public SignedIn signUp(String username, String password, String orgSlug) {
        return signUp(username, password, orgSlug, "user");
    }

    /** Creates a user of {@code orgSlug} with one realm role ({@code user} or {@code org-admin}). */
    public SignedIn signUp(String username, String password, String orgSlug, String realmRole) {
        String admin = adminToken();
        String users = settings.keycloakBaseUrl() + "/admin/realms/" + settings.realm() + "/users";
        ObjectNode user = HttpJson.object()
                .put("username", username)
                .put("email", username + "@users.attest.test")
                .put("emailVerified", true)
                .put("firstName", "Demo")
                .put("lastName", username)
                .put("enabled", true);
        user.putObject("attributes").putArray("org_id").add(orgSlug);
        ArrayNode credentials = user.putArray("credentials");
        credentials.addObject().put("type", "password").put("value", password).put("temporary", false);
        http.post(users, admin, user).expect(201);
        String userId = http.get(users + "?exact=true&username=" + username, admin)
                .expect(200)
                .json()
                .path(0)
                .path("id")
                .asText();
        if (userId.isEmpty()) {
            throw new StepFailed("Keycloak created " + username + " but cannot find them");
        }
        Reply role = http.get(
                        settings.keycloakBaseUrl() + "/admin/realms/" + settings.realm() + "/roles/" + realmRole, admin)
                .expect(200);
        ArrayNode roles = HttpJson.JSON.createArrayNode().add(role.json());
        http.post(users + "/" + userId + "/role-mappings/realm", admin, roles).expect(204);
        return signIn(username, password);
    }

    private synchronized String adminToken() {
        if (adminToken == null || System.nanoTime() - adminTokenAt > ADMIN_TOKEN_REUSE_NANOS) {
            adminTokenAt = System.nanoTime();
            adminToken = newAdminToken();
        }
        return adminToken;
    }

    private String newAdminToken() {
        return http.postForm(
                        settings.keycloakBaseUrl() + "/realms/master/protocol/openid-connect/token",
                        null,
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "admin-cli",
                                "username",
                                settings.keycloakAdminUser(),
                                "password",
                                settings.keycloakAdminPassword()))
                .expect(200)
                .json()
                .path("access_token")
                .asText();
    }
}
