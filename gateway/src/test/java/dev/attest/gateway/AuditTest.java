package dev.attest.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.attest.common.audit.AuditChain;
import dev.attest.gateway.audit.AuditStore;
import dev.attest.gateway.support.OidcUsers;
import dev.attest.gateway.support.RecordingUpstream;
import dev.attest.gateway.support.Tenants;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The gateway's audit trail and its store of every service's entries: admin actions recorded with their actor, org,
 * source and before/after (never an API key or its hash), searched and exported by the organization's admins only
 * (another organization's admin: 404, a member who is no admin: 403, an API key: 403), over all organizations by
 * platform admins; the gateway's own chain verifies; the store's retention deletes what is past it.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class AuditTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditChain chain;

    @Inject
    AuditStore store;

    @Test
    void adminActionsAreRecordedWithActorSourceAndChangesButNeverAKey() throws Exception {
        Tenants.Org org = Tenants.organization("audit-admin-" + UUID.randomUUID());
        String project = Tenants.project(org, "sandbox");
        given().auth()
                .oauth2(org.adminToken())
                .header("User-Agent", "audit-test-agent")
                .contentType(ContentType.JSON)
                .body(Map.of("rate_limit", Map.of("capacity", 7, "refill_per_second", 2)))
                .patch("/orgs/" + org.id() + "/projects/" + project)
                .then()
                .statusCode(200);
        Tenants.IssuedKey key = Tenants.apiKey(org, project, "kyc:read");
        String rotated = given().auth()
                .oauth2(org.adminToken())
                .post("/orgs/" + org.id() + "/projects/" + project + "/api-keys/" + key.id() + "/rotate")
                .then()
                .statusCode(201)
                .extract()
                .path("key");

        JsonPath page = awaitEntries(
                org.adminToken(), "/orgs/" + org.id() + "/audit", entries -> entries.contains("api-key.rotated"));
        List<Map<String, Object>> entries = page.getList("entries");
        assertThat(entries)
                .extracting(entry -> entry.get("action"))
                .contains(
                        "organization.created",
                        "member.added",
                        "project.created",
                        "project.updated",
                        "api-key.created",
                        "api-key.rotated");
        assertThat(entries).allSatisfy(entry -> assertThat(entry.get("org_id")).isEqualTo(org.id()));

        Map<String, Object> update = only(entries, "project.updated");
        assertThat(update)
                .containsEntry("service", "gateway")
                .containsEntry("actor_subject", org.adminSubject())
                .containsEntry("actor_kind", "user")
                .containsEntry("target_type", "project")
                .containsEntry("target_id", project)
                .containsEntry("project_id", project)
                .containsEntry("outcome", "success")
                .containsEntry("source_ip", "127.0.0.1")
                .containsEntry("user_agent", "audit-test-agent");
        assertThat(String.valueOf(update.get("actor_roles"))).contains("org-admin");
        assertThat(page.getInt("entries.find { it.action == 'project.updated' }.changes.before.rate_limit_capacity"))
                .isNotEqualTo(7);
        assertThat(page.getInt("entries.find { it.action == 'project.updated' }.changes.after.rate_limit_capacity"))
                .isEqualTo(7);
        Map<String, Object> created = only(entries, "organization.created");
        assertThat(created.get("actor_kind")).isEqualTo("platform");
        assertThat(page.getString("entries.find { it.action == 'api-key.rotated' }.changes.after.successor_id"))
                .isNotBlank();

        // Neither key nor its hash anywhere: the store, the gateway's own trail, the events.
        String hash = one("select key_hash from api_key where id = ?::uuid", key.id());
        for (String table : List.of(
                "select string_agg(t::text, '|') from audit_record t where org_id = ?",
                "select string_agg(t::text, '|') from attest_audit_entry t where org_id = ?",
                "select string_agg(t.data::text, '|') from attest_outbox t where org_id = ? and topic = 'attest.audit.v1'")) {
            assertThat(one(table, org.id()))
                    .isNotBlank()
                    .doesNotContain(key.key())
                    .doesNotContain(rotated)
                    .doesNotContain(hash)
                    .doesNotContain("boss@"); // admin contacts are counted, never written
        }

        AuditChain.Verification verification = chain.verify();
        assertThat(verification.ok()).as(verification.toString()).isTrue();
        given().get("/q/audit/verify").then().statusCode(200).body("ok", equalTo(true));
    }

    @Test
    void anOrganizationsTrailIsItsAdminsAloneAndPlatformAdminsSeeEveryOrganization() {
        String adminA = "audit-a-" + UUID.randomUUID();
        Tenants.Org a = Tenants.organization(adminA);
        Tenants.Org b = Tenants.organization("audit-b-" + UUID.randomUUID());
        String member = "audit-member-" + UUID.randomUUID();
        given().auth()
                .oauth2(a.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("user_id", member, "email", member + "@example.test", "role", "user"))
                .post("/orgs/" + a.id() + "/members")
                .then()
                .statusCode(201);
        String projectA = Tenants.project(a, "sandbox");
        Tenants.IssuedKey keyA = Tenants.apiKey(a, projectA, "kyc:read");
        awaitEntries(a.adminToken(), "/orgs/" + a.id() + "/audit", entries -> entries.contains("api-key.created"));
        awaitEntries(b.adminToken(), "/orgs/" + b.id() + "/audit", entries -> entries.contains("member.added"));

        for (String path : List.of("/audit", "/audit/export?format=csv")) {
            // Another organization's admin: as if it did not exist (by id and by slug).
            given().auth()
                    .oauth2(b.adminToken())
                    .get("/orgs/" + a.id() + path)
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(b.adminToken())
                    .get("/orgs/" + a.slug() + path)
                    .then()
                    .statusCode(404);
            // A member who is no admin: 403. An API key: 403. Nobody: 401.
            given().auth()
                    .oauth2(OidcUsers.user(member))
                    .get("/orgs/" + a.id() + path)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(keyA.key())
                    .get("/orgs/" + a.id() + path)
                    .then()
                    .statusCode(403);
            given().get("/orgs/" + a.id() + path).then().statusCode(401);
            // The platform routes are platform admins' only.
            given().auth().oauth2(a.adminToken()).get("/platform" + path).then().statusCode(403);
            given().auth().oauth2(keyA.key()).get("/platform" + path).then().statusCode(403);
        }

        // Each admin sees their organization's entries only.
        List<String> orgsSeenByB = given().auth()
                .oauth2(b.adminToken())
                .get("/orgs/" + b.id() + "/audit?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .path("entries.org_id");
        assertThat(orgsSeenByB).isNotEmpty().containsOnly(b.id());

        // A platform admin: one organization by slug, or all of them.
        String platform = OidcUsers.platformAdmin();
        List<String> orgsOfA = given().auth()
                .oauth2(platform)
                .get("/platform/audit?org=" + a.slug() + "&limit=500")
                .then()
                .statusCode(200)
                .extract()
                .path("entries.org_id");
        assertThat(orgsOfA).isNotEmpty().containsOnly(a.id());
        List<String> all = given().auth()
                .oauth2(platform)
                .get("/platform/audit?limit=500&from=" + Instant.now().minusSeconds(600))
                .then()
                .statusCode(200)
                .extract()
                .path("entries.org_id");
        assertThat(all).contains(a.id(), b.id());
        given().auth().oauth2(platform).get("/orgs/" + a.id() + "/audit").then().statusCode(200);
    }

    @Test
    void theExportIsACsvOfTheFilteredEntriesAndPagesFollowEachOther() {
        Tenants.Org org = Tenants.organization("audit-csv-" + UUID.randomUUID());
        String project = Tenants.project(org, "sandbox");
        for (int capacity = 11; capacity <= 13; capacity++) {
            given().auth()
                    .oauth2(org.adminToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "Renamed, \"quoted\" =1+1"))
                    .patch("/orgs/" + org.id() + "/projects/" + project)
                    .then()
                    .statusCode(200);
        }
        awaitEntries(
                org.adminToken(),
                "/orgs/" + org.id() + "/audit?action=project.updated",
                entries -> entries.split("project.updated", -1).length - 1 >= 3);

        var response = given().auth()
                .oauth2(org.adminToken())
                .get("/orgs/" + org.id() + "/audit/export?format=csv&action=project.*&target=project/" + project)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract();
        List<String> lines = response.asString().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("occurred_at,service,seq,org_id,project_id,actor_subject,actor_kind,actor_roles,action,"
                        + "target_type,target_id,outcome,source_ip,user_agent,changes,hash");
        assertThat(lines).hasSize(1 + 4); // project.created and three project.updated
        assertThat(lines.subList(1, 5)).allSatisfy(line -> assertThat(line)
                .contains("," + org.id() + ",")
                .contains(project)
                .containsPattern(",project\\.(created|updated),"));
        assertThat(response.asString()).doesNotContain("organization.created").doesNotContain("member.added");
        assertThat(response.header("Content-Disposition")).contains("audit-" + org.slug() + ".csv");

        // Pages: two at a time, newest first, each entry once.
        JsonPath first = given().auth()
                .oauth2(org.adminToken())
                .get("/orgs/" + org.id() + "/audit?action=project.updated&limit=2")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(first.getList("entries")).hasSize(2);
        String token = first.getString("next_page_token");
        assertThat(token).isNotBlank();
        JsonPath second = given().auth()
                .oauth2(org.adminToken())
                .get("/orgs/" + org.id() + "/audit?action=project.updated&limit=2&page_token=" + token)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(second.getList("entries")).hasSize(1);
        assertThat(second.getString("next_page_token")).isNull();
        assertThat(second.getList("entries.seq")).doesNotContainAnyElementsOf(first.getList("entries.seq"));

        // The export itself is in the trail.
        awaitEntries(org.adminToken(), "/orgs/" + org.id() + "/audit?action=audit.exported", e -> e.contains("audit"));

        // Bad filters are 400 problems, nothing else.
        List<List<String>> badQueries = List.of(
                List.of("/audit", "from", "yesterday"),
                List.of("/audit", "limit", "0"),
                List.of("/audit", "limit", "501"),
                List.of("/audit", "actor", "admin\u0000"),
                List.of("/audit", "page_token", "not-a-token"),
                List.of("/audit/export", "format", "xml"));
        for (List<String> bad : badQueries) {
            given().auth()
                    .oauth2(org.adminToken())
                    .queryParam(bad.get(1), bad.get(2))
                    .get("/orgs/" + org.id() + bad.get(0))
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void theStoresRetentionDeletesWhatIsPastIt() throws Exception {
        Tenants.Org org = Tenants.organization("audit-retention-" + UUID.randomUUID());
        awaitEntries(org.adminToken(), "/orgs/" + org.id() + "/audit", entries -> entries.contains("member.added"));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement backdate = connection.prepareStatement(
                        "update audit_record"
                                + " set occurred_at = now() - interval '401 days' where org_id = ? and action = 'member.added'")) {
            backdate.setString(1, org.id());
            assertThat(backdate.executeUpdate()).isEqualTo(1);
        }
        int deleted = 0;
        int pass;
        while ((pass = store.deleteOlderThan(Instant.now().minus(Duration.ofDays(400)), 100)) > 0) {
            deleted += pass;
        }
        assertThat(deleted).isGreaterThanOrEqualTo(1);
        List<String> actions = given().auth()
                .oauth2(org.adminToken())
                .get("/orgs/" + org.id() + "/audit")
                .then()
                .statusCode(200)
                .extract()
                .path("entries.action");
        assertThat(actions).contains("organization.created").doesNotContain("member.added");
    }

    private static Map<String, Object> only(List<Map<String, Object>> entries, String action) {
        List<Map<String, Object>> found =
                entries.stream().filter(e -> action.equals(e.get("action"))).toList();
        assertThat(found).as(action).hasSize(1);
        return found.get(0);
    }

    /** Polls the route until its answer satisfies {@code done} (the store fills from Kafka). */
    private static JsonPath awaitEntries(String token, String path, Predicate<String> done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String body;
        do {
            body = given().auth()
                    .oauth2(token)
                    .get(path)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            if (done.test(body)) {
                return JsonPath.from(body);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not in the audit store within " + WAIT + ": " + body);
    }

    private String one(String sql, String param) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, param);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
