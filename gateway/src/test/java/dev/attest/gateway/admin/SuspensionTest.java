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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Suspension (issue 20): a suspended organization, project or user is refused at the edge with 403 {@code suspended}
 * on every authenticated request, API keys of a suspended project included, and nothing reaches a service;
 * reactivation restores it; each change is recorded and announced to the services' tenant replicas.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class SuspensionTest {
    @Inject
    AgroalDataSource dataSource;

    private Tenants.Org org;
    private String project;
    private Tenants.IssuedKey key;
    private String platformAdmin;

    @BeforeEach
    void organization() {
        org = Tenants.organization("admin-" + UUID.randomUUID());
        project = Tenants.project(org, "sandbox");
        key = Tenants.apiKey(org, project, "identities:read");
        platformAdmin = OidcUsers.platformAdmin();
    }

    @Test
    void aSuspendedProjectsKeyIsRefusedAtOnceAndReactivationRestoresIt() {
        assertForwarded(key.key(), null);

        suspend("/platform/projects/" + project, "unpaid invoice").statusCode(200);

        assertSuspended(key.key(), null, "Project " + project);
        assertSuspended(org.adminToken(), project, "Project " + project);
        // the gateway's own API refuses the project's path too
        given().auth()
                .oauth2(org.adminToken())
                .get("/orgs/" + org.id() + "/projects/" + project)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        reactivate("/platform/projects/" + project, "paid").statusCode(200);

        assertForwarded(key.key(), null);
        JsonPath record = given().auth()
                .oauth2(platformAdmin)
                .get("/platform/projects/" + project + "/suspension")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(record.getBoolean("suspended")).isFalse();
        assertThat(record.getList("history.action")).containsExactly("suspended", "reactivated");
        assertThat(record.getList("history.reason")).containsExactly("unpaid invoice", "paid");
        assertThat(record.getString("history[0].actor")).startsWith("platform-admin-");
        assertThat(record.getString("history[0].at")).isNotBlank();
        // and in the platform's audit trail (common's AuditTrail), in the same transactions
        assertThat(new TestDatabase(dataSource)
                        .strings(
                                "select action from attest_audit_entry where target_id = ? and action in"
                                        + " ('project.suspended', 'project.reactivated') order by seq",
                                project))
                .containsExactly("project.suspended", "project.reactivated");
    }

    @Test
    void aSuspendedOrganizationIsRefusedToItsKeysAndMembersButNotToPlatformAdmins() {
        suspend("/platform/organizations/" + org.slug(), "fraud review").statusCode(200);

        assertSuspended(key.key(), null, "Organization " + org.slug());
        assertSuspended(org.adminToken(), null, "Organization " + org.slug());
        given().auth()
                .oauth2(org.adminToken())
                .get("/orgs/" + org.id() + "/members")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(platformAdmin).get("/orgs/" + org.id()).then().statusCode(200);
        // another organization's admin learns nothing of it: 404 as ever
        Tenants.Org stranger = Tenants.organization("admin-" + UUID.randomUUID());
        given().auth()
                .oauth2(stranger.adminToken())
                .get("/orgs/" + org.id())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(stranger.adminToken())
                .get("/orgs/" + stranger.id() + "/projects/" + project)
                .then()
                .statusCode(404);

        reactivate("/platform/organizations/" + org.id(), null).statusCode(200);

        assertForwarded(key.key(), null);
        given().auth().oauth2(org.adminToken()).get("/orgs/" + org.id()).then().statusCode(200);
    }

    @Test
    void aSuspendedUserIsRefusedInEveryOrganization() {
        String subject = "user-" + UUID.randomUUID();
        Tenants.Org other = Tenants.organization("admin-" + UUID.randomUUID());
        for (Tenants.Org o : List.of(org, other)) {
            given().auth()
                    .oauth2(o.adminToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("user_id", subject, "email", subject + "@example.test", "role", "org-admin"))
                    .post("/orgs/" + o.id() + "/members")
                    .then()
                    .statusCode(201);
        }
        String token = OidcUsers.user(subject);
        given().auth().oauth2(token).get("/orgs/" + other.id()).then().statusCode(200);

        suspend("/platform/users/" + subject, "compromised account").statusCode(200);

        assertSuspended(token, project, "User " + subject);
        given().auth()
                .oauth2(token)
                .get("/orgs/" + other.id())
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(token).get("/orgs").then().statusCode(403);
        // others of the same organizations, and the project's keys, are unaffected
        assertForwarded(key.key(), null);
        given().auth()
                .oauth2(other.adminToken())
                .get("/orgs/" + other.id())
                .then()
                .statusCode(200);

        reactivate("/platform/users/" + subject, "cleared").statusCode(200);

        given().auth().oauth2(token).get("/orgs/" + other.id()).then().statusCode(200);
        assertForwarded(token, project);
    }

    /**
     * "At once across replicas": a second gateway process cannot run in the test JVM, so the suspension is written
     * straight into the shared database, as another replica's transaction would; the very next request is refused.
     * No replica keeps anything of suspensions in memory.
     */
    @Test
    void aSuspensionWrittenByAnotherReplicaRefusesTheVeryNextRequest() {
        TestDatabase db = new TestDatabase(dataSource);
        assertForwarded(key.key(), null);

        db.update(
                "insert into suspension (kind, target, reason, suspended_by, suspended_at)"
                        + " values ('project', ?, 'by replica 2', 'ops', now())",
                project);
        assertSuspended(key.key(), null, "Project " + project);

        db.update("delete from suspension where kind = 'project' and target = ?", project);
        assertForwarded(key.key(), null);
    }

    @Test
    void suspensionsAreAnnouncedToTheServicesTenantReplicas() {
        suspend("/platform/organizations/" + org.id(), "review").statusCode(200);
        suspend("/platform/projects/" + project, "review").statusCode(200);
        reactivate("/platform/projects/" + project, null).statusCode(200);

        TestDatabase db = new TestDatabase(dataSource);
        assertThat(db.strings(
                        "select data->>'suspended' from attest_outbox where org_id = ?"
                                + " and type = 'attest.tenant.organization-updated.v1' order by seq",
                        org.id()))
                .containsExactly("true");
        assertThat(db.strings(
                        "select data->>'suspended' from attest_outbox where org_id = ?"
                                + " and type = 'attest.tenant.project-updated.v1' and data->>'project_id' = ?"
                                + " order by seq",
                        org.id(),
                        project))
                .containsExactly("true", "false");
    }

    @Test
    void onlyPlatformAdminsSuspendAndBadInputChangesNothing() {
        String path = "/platform/organizations/" + org.id() + "/suspend";
        Map<String, Object> body = Map.of("reason", "x");
        for (String caller : List.of(
                org.adminToken(),
                key.key(),
                OidcUsers.userOf(org.id(), "u-" + UUID.randomUUID(), "user", "org-admin"))) {
            given().auth()
                    .oauth2(caller)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post(path)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        for (Object bad : List.of(Map.of(), Map.of("reason", ""), Map.of("reason", List.of("x")), "x".repeat(3))) {
            given().auth()
                    .oauth2(platformAdmin)
                    .contentType(ContentType.JSON)
                    .body(bad)
                    .post(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(platformAdmin)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "x".repeat(1001)))
                .post(path)
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(platformAdmin)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/platform/organizations/" + UUID.randomUUID() + "/suspend")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(platformAdmin)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/platform/projects/not-a-project/suspend")
                .then()
                .statusCode(404);

        assertThat(new TestDatabase(dataSource)
                        .count("select count(*) from suspension where target in (?, ?)", org.id(), project))
                .isZero();
        assertThat(new TestDatabase(dataSource).count("select count(*) from suspension_log where target = ?", org.id()))
                .isZero();
        assertForwarded(key.key(), null);
    }

    private io.restassured.response.ValidatableResponse suspend(String target, String reason) {
        return given().auth()
                .oauth2(platformAdmin)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", reason))
                .post(target + "/suspend")
                .then();
    }

    private io.restassured.response.ValidatableResponse reactivate(String target, String reason) {
        var request = given().auth().oauth2(platformAdmin).contentType(ContentType.JSON);
        if (reason != null) {
            request.body(Map.of("reason", reason));
        }
        return request.post(target + "/reactivate").then();
    }

    private static void assertForwarded(String credential, String project) {
        String uri = "/identities/probe-" + UUID.randomUUID();
        var request = given().auth().oauth2(credential);
        if (project != null) {
            request.header("Attest-Project", project);
        }
        request.get(uri).then().statusCode(201);
        assertThat(RecordingUpstream.receivedAt(uri)).hasSize(1);
    }

    private static void assertSuspended(String credential, String project, String what) {
        String uri = "/identities/probe-" + UUID.randomUUID();
        var request = given().auth().oauth2(credential);
        if (project != null) {
            request.header("Attest-Project", project);
        }
        Response response = request.get(uri);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("https://attest.dev/problems/suspended");
        assertThat(response.jsonPath().getString("detail")).contains(what);
        assertThat(RecordingUpstream.receivedAt(uri)).isEmpty();
    }
}
