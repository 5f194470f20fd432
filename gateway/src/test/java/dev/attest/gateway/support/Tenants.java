package dev.attest.gateway.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test-data builders that go through the gateway's own API, as a platform admin and org admins would. */
public final class Tenants {
    private Tenants() {}

    /** A new organization with {@code adminSubject} as its org admin (added by a platform admin). */
    public static Org organization(String adminSubject) {
        String slug = "org-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = OidcUsers.platformAdmin();
        String orgId = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Org " + slug, "slug", slug, "admin_contacts", List.of("boss@" + slug + ".test")))
                .post("/orgs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("user_id", adminSubject, "email", adminSubject + "@example.test", "role", "org-admin"))
                .post("/orgs/" + orgId + "/members")
                .then()
                .statusCode(201);
        return new Org(orgId, slug, adminSubject);
    }

    public static String project(Org org, String environment) {
        return project(org, environment, null);
    }

    public static String project(Org org, String environment, Map<String, Object> rateLimit) {
        Map<String, Object> body = new java.util.HashMap<>(
                Map.of("name", "Project", "environment", environment, "wallet_network", "ethereum-sepolia"));
        if (rateLimit != null) {
            body.put("rate_limit", rateLimit);
        }
        return given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/orgs/" + org.id() + "/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Issues an API key and returns {id, key}. */
    public static IssuedKey apiKey(Org org, String projectId, String... scopes) {
        var response = given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "server", "scopes", List.of(scopes)))
                .post("/orgs/" + org.id() + "/projects/" + projectId + "/api-keys")
                .then()
                .statusCode(201)
                .extract();
        return new IssuedKey(response.path("id"), response.path("key"));
    }

    public record Org(String id, String slug, String adminSubject) {
        public String adminToken() {
            return OidcUsers.user(adminSubject);
        }
    }

    public record IssuedKey(String id, String key) {}
}
