package dev.attest.gateway.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Finding users across organizations, and the platform routes' access: platform admins only (issue 20). */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class PlatformAdminTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void usersAreFoundAcrossOrganizationsWithTheirRolesAndSuspension() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String subject = "auth0|" + marker;
        Tenants.Org first = Tenants.organization("admin-" + UUID.randomUUID());
        Tenants.Org second = Tenants.organization("admin-" + UUID.randomUUID());
        addMember(first, subject, "Jane." + marker + "@Example.test", "org-admin");
        addMember(second, subject, "jane." + marker + "@example.test", "user");
        addMember(second, "someone-else-" + marker, "other@example.test", "user");
        String admin = OidcUsers.platformAdmin();
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "chargebacks"))
                .post("/platform/users/" + subject + "/suspend")
                .then()
                .statusCode(200);

        JsonPath byEmail = find(admin, "JANE." + marker);
        assertThat(byEmail.getList("users.user_id")).containsExactly(subject);
        assertThat(byEmail.getList("users[0].organizations.slug"))
                .containsExactlyInAnyOrder(first.slug(), second.slug());
        assertThat(byEmail.getString("users[0].organizations.find { it.slug == '" + first.slug() + "' }.role"))
                .isEqualTo("org-admin");
        assertThat(byEmail.getString("users[0].organizations.find { it.slug == '" + second.slug() + "' }.role"))
                .isEqualTo("user");
        assertThat(byEmail.getString("users[0].suspension.reason")).isEqualTo("chargebacks");

        JsonPath bySubject = find(admin, subject);
        assertThat(bySubject.getList("users.user_id")).containsExactly(subject);

        // wildcards are plain text
        assertThat(find(admin, "%").getList("users")).isEmpty();
        assertThat(find(admin, "nobody-" + marker).getList("users")).isEmpty();
        for (String bad : List.of("", " ", "x".repeat(201))) {
            given().auth()
                    .oauth2(admin)
                    .queryParam("q", bad)
                    .get("/platform/users")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void everyPlatformRouteRefusesEveryoneButPlatformAdmins() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String project = Tenants.project(org, "sandbox");
        Tenants.IssuedKey key = Tenants.apiKey(org, project, "identities:read");
        List<String> callers = List.of(
                org.adminToken(),
                OidcUsers.userOf(org.id(), "user-" + UUID.randomUUID(), "user", "org-admin"),
                key.key());
        Map<String, Object> reason = Map.of("reason", "x");
        List<Object[]> routes = new ArrayList<>();
        routes.add(new Object[] {"POST", "/platform/organizations/" + org.id() + "/suspend", reason});
        routes.add(new Object[] {"POST", "/platform/organizations/" + org.id() + "/reactivate", reason});
        routes.add(new Object[] {"GET", "/platform/organizations/" + org.id() + "/suspension", null});
        routes.add(new Object[] {"POST", "/platform/projects/" + project + "/suspend", reason});
        routes.add(new Object[] {"POST", "/platform/projects/" + project + "/reactivate", reason});
        routes.add(new Object[] {"GET", "/platform/projects/" + project + "/suspension", null});
        routes.add(new Object[] {"POST", "/platform/users/" + org.adminSubject() + "/suspend", reason});
        routes.add(new Object[] {"POST", "/platform/users/" + org.adminSubject() + "/reactivate", reason});
        routes.add(new Object[] {"GET", "/platform/users/" + org.adminSubject() + "/suspension", null});
        routes.add(new Object[] {"GET", "/platform/users?q=" + org.adminSubject(), null});
        routes.add(new Object[] {
            "PUT",
            "/platform/organizations/" + org.id() + "/plan",
            Map.of("name", "x", "currency", "EUR", "monthly_price_minor", 1)
        });
        routes.add(new Object[] {"DELETE", "/platform/organizations/" + org.id(), null});
        routes.add(new Object[] {"GET", "/platform/organizations/" + org.id() + "/export", null});
        routes.add(new Object[] {"GET", "/platform/organizations/" + org.id() + "/erasures", null});
        for (String caller : callers) {
            for (Object[] route : routes) {
                var request = given().auth().oauth2(caller);
                if (route[2] != null) {
                    request.contentType(ContentType.JSON).body(route[2]);
                }
                Response response = request.request((String) route[0], (String) route[1]);
                assertThat(response.statusCode()).as(route[0] + " " + route[1]).isEqualTo(403);
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
        }
        TestDatabase db = new TestDatabase(dataSource);
        assertThat(db.count(
                        "select count(*) from suspension_log where target in (?, ?, ?)",
                        org.id(),
                        project,
                        org.adminSubject()))
                .isZero();
        assertThat(db.count("select count(*) from org_plan where org_id = cast(? as uuid)", org.id()))
                .isZero();
        given().auth().oauth2(key.key()).get("/identities/x").then().statusCode(201);
        // without a token: 401
        given().get("/platform/users?q=x").then().statusCode(401);
    }

    @Test
    void aPlatformAdminCannotSuspendThemselves() {
        String subject = "platform-admin-" + UUID.randomUUID();
        String admin = OidcUsers.token(subject, "ops@attest.test", null, "platform-admin");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "oops"))
                .post("/platform/users/" + subject + "/suspend")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    private static JsonPath find(String admin, String q) {
        return given().auth()
                .oauth2(admin)
                .queryParam("q", q)
                .get("/platform/users")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void addMember(Tenants.Org org, String subject, String email, String role) {
        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("user_id", subject, "email", email, "role", role))
                .post("/orgs/" + org.id() + "/members")
                .then()
                .statusCode(201);
    }
}
