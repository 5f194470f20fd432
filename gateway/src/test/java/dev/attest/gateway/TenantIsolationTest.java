package dev.attest.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.gateway.support.ApiScopesForTests;
import dev.attest.gateway.support.OidcUsers;
import dev.attest.gateway.support.RecordingUpstream;
import dev.attest.gateway.support.Tenants;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OWASP API1 (BOLA): every route that takes an id, called by another organization's admin, user or API
 * key with organization A's ids, answers 404 exactly as for an id that does not exist, and nothing
 * reaches a service.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class TenantIsolationTest {
    @Inject
    AgroalDataSource dataSource;

    private Tenants.Org a;
    private String projectA;
    private Tenants.IssuedKey keyA;
    private String memberA;
    private Tenants.Org b;
    private String projectB;
    private Tenants.IssuedKey keyB;

    @BeforeEach
    void twoOrganizations() {
        a = Tenants.organization("admin-a-" + UUID.randomUUID());
        projectA = Tenants.project(a, "sandbox");
        keyA = Tenants.apiKey(a, projectA, "kyc:read");
        memberA = a.adminSubject();
        b = Tenants.organization("admin-b-" + UUID.randomUUID());
        projectB = Tenants.project(b, "sandbox");
        keyB = Tenants.apiKey(b, projectB, ApiScopesForTests.ALL);
    }

    /** Method, path and body of every route that names an organization, a project, a member or a key. */
    private List<Object[]> routesWithIdsOf(String org, String project, String key, String member) {
        String o = "/orgs/" + org;
        String p = o + "/projects/" + project;
        Map<String, Object> projectBody = Map.of("name", "x", "environment", "sandbox", "wallet_network", "n");
        List<Object[]> routes = new ArrayList<>();
        routes.add(new Object[] {"GET", o, null});
        routes.add(new Object[] {"PATCH", o, Map.of("name", "taken over")});
        routes.add(new Object[] {"GET", o + "/projects", null});
        routes.add(new Object[] {"POST", o + "/projects", projectBody});
        routes.add(new Object[] {"GET", p, null});
        routes.add(new Object[] {"PATCH", p, Map.of("name", "taken over")});
        routes.add(new Object[] {"GET", o + "/members", null});
        routes.add(new Object[] {
            "POST", o + "/members", Map.of("user_id", "intruder", "email", "i@x.test", "role", "org-admin")
        });
        routes.add(new Object[] {"PATCH", o + "/members/" + member, Map.of("role", "user")});
        routes.add(new Object[] {"DELETE", o + "/members/" + member, null});
        routes.add(new Object[] {"GET", p + "/api-keys", null});
        routes.add(new Object[] {"POST", p + "/api-keys", Map.of("name", "x", "scopes", List.of("kyc:read"))});
        routes.add(new Object[] {"DELETE", p + "/api-keys/" + key, null});
        routes.add(new Object[] {"POST", p + "/api-keys/" + key + "/rotate", null});
        routes.add(new Object[] {"GET", o + "/usage", null});
        routes.add(new Object[] {"GET", o + "/plan", null});
        routes.add(new Object[] {"GET", o + "/statements/2026-03", null});
        routes.add(new Object[] {"GET", o + "/statements/2026-03?format=csv", null});
        routes.add(new Object[] {"GET", o + "/analytics", null});
        routes.add(new Object[] {"GET", o + "/analytics?granularity=hour&project=" + project, null});
        routes.add(new Object[] {"GET", o + "/audit", null});
        routes.add(new Object[] {"GET", o + "/audit/export?format=csv", null});
        routes.add(new Object[] {"GET", o + "/kyc/cases", null});
        routes.add(new Object[] {"GET", o + "/integrations/persona/settings", null});
        routes.add(new Object[] {"GET", o + "/wallets", null});
        routes.add(new Object[] {"GET", o + "/transactions", null});
        routes.add(new Object[] {"GET", o + "/integrations/dfns/settings", null});
        routes.add(new Object[] {"GET", o + "/transfer-approvals", null});
        routes.add(new Object[] {"POST", o + "/transfer-approvals/" + UUID.randomUUID() + "/approve", null});
        routes.add(new Object[] {"GET", o + "/spending-policy", null});
        routes.add(new Object[] {"GET", o + "/sponsorship/" + project, null});
        routes.add(new Object[] {"POST", o + "/users/" + member + "/wallet/retry", null});
        routes.add(new Object[] {"POST", o + "/join", null});
        routes.add(new Object[] {"GET", p + "/webhooks/endpoints", null});
        return routes;
    }

    @Test
    void anotherOrganizationsAdminGetsNotFoundEverywhere() {
        assertAllNotFound(b.adminToken());
    }

    @Test
    void anotherOrganizationsUserGetsNotFoundEverywhere() {
        assertAllNotFound(OidcUsers.userOf(b.id(), "user-" + UUID.randomUUID(), "user", "org-admin"));
    }

    @Test
    void anotherOrganizationsApiKeyGetsNotFoundOnServiceRoutes() {
        for (Object[] route : routesWithIdsOf(a.id(), projectA, keyA.id(), memberA)) {
            String path = (String) route[1];
            if (path.contains("/kyc/")
                    || path.contains("/integrations/")
                    || path.endsWith("/wallets")
                    || path.endsWith("/transactions")
                    || path.contains("/transfer-approvals")
                    || path.contains("/spending-policy")
                    || path.contains("/sponsorship/")
                    || path.contains("/wallet/")
                    || path.contains("/webhooks/")) {
                Response response = call(keyB.key(), route);
                assertThat(response.statusCode()).as(route[0] + " " + path).isEqualTo(404);
            }
        }
        assertNothingReachedAServiceFor(a.id());
    }

    @Test
    void ownOrganizationWithAnotherOrganizationsProjectIsNotFound() {
        given().auth()
                .oauth2(b.adminToken())
                .get("/orgs/" + b.id() + "/projects/" + projectA)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(b.adminToken())
                .get("/orgs/" + b.id() + "/projects/" + projectA + "/api-keys")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(b.adminToken())
                .delete("/orgs/" + b.id() + "/projects/" + projectB + "/api-keys/" + keyA.id())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(keyB.key())
                .get("/orgs/" + b.id() + "/projects/" + projectA + "/webhooks/endpoints")
                .then()
                .statusCode(404);
        assertThat(RecordingUpstream.receivedAt("/orgs/" + b.id() + "/projects/" + projectA + "/webhooks/endpoints"))
                .isEmpty();
    }

    /** The project named by the Attest-Project header is an id too: another organization's is not found. */
    @Test
    void anotherOrganizationsProjectInTheHeaderIsNotFound() {
        List<String> callers =
                List.of(b.adminToken(), OidcUsers.userOf(b.id(), "user-" + UUID.randomUUID(), "user"), keyB.key());
        for (String caller : callers) {
            for (String path : List.of(
                    "/compliance/x", "/wallets/x", "/identities/x", "/notifications/x", "/orgs/" + b.id() + "/kyc/x")) {
                String uri = path + "?probe=" + UUID.randomUUID();
                Response response = given().auth()
                        .oauth2(caller)
                        .header("Attest-Project", projectA)
                        .get(uri);
                assertThat(response.statusCode()).as(path).isEqualTo(404);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(RecordingUpstream.receivedAt(uri)).isEmpty();
            }
        }
        assertThat(new TestDatabase(dataSource)
                        .count(
                                "select count(*) from usage_daily where project_key = ? and metric = 'requests'",
                                projectA))
                .isZero();
    }

    @Test
    void organizationsOfOthersAreNotListed() {
        List<String> ids = given().auth()
                .oauth2(b.adminToken())
                .get("/orgs")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        assertThat(ids).contains(b.id()).doesNotContain(a.id());
    }

    private void assertAllNotFound(String token) {
        String unknown = UUID.randomUUID().toString();
        for (Object[] route : routesWithIdsOf(a.id(), projectA, keyA.id(), memberA)) {
            Response theirs = call(token, route);
            assertThat(theirs.statusCode()).as(route[0] + " " + route[1]).isEqualTo(404);
            assertThat(theirs.contentType()).startsWith("application/problem+json");
        }
        // The answer for A's organization is the answer for one that does not exist.
        Response missing = call(token, new Object[] {"GET", "/orgs/" + unknown, null});
        Response theirs = call(token, new Object[] {"GET", "/orgs/" + a.id(), null});
        assertThat(theirs.jsonPath().getString("type"))
                .isEqualTo(missing.jsonPath().getString("type"));
        assertThat(theirs.jsonPath().getString("title"))
                .isEqualTo(missing.jsonPath().getString("title"));
        assertNothingReachedAServiceFor(a.id());
        // and nothing changed
        assertThat(new TestDatabase(dataSource).count("select count(*) from organization where name = 'taken over'"))
                .isZero();
        assertThat(new TestDatabase(dataSource).count("select count(*) from member where user_id = 'intruder'"))
                .isZero();
        assertThat(new TestDatabase(dataSource)
                        .count(
                                "select count(*) from api_key where project_id = ?::uuid and revoked_at is null",
                                projectA))
                .isEqualTo(1);
        assertThat(new TestDatabase(dataSource).count("select count(*) from member where user_id = ?", memberA))
                .isEqualTo(1);
    }

    private void assertNothingReachedAServiceFor(String orgId) {
        for (String path : List.of(
                "/kyc/cases",
                "/wallets",
                "/transactions",
                "/transfer-approvals",
                "/spending-policy",
                "/sponsorship/" + projectA,
                "/integrations/persona/settings",
                "/integrations/dfns/settings")) {
            assertThat(RecordingUpstream.receivedAt("/orgs/" + orgId + path))
                    .as(path)
                    .isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private static Response call(String token, Object[] route) {
        var request = given().auth().oauth2(token);
        if (route[2] != null) {
            request = request.contentType(ContentType.JSON).body((Map<String, Object>) route[2]);
        }
        return request.request((String) route[0], (String) route[1]);
    }
}
