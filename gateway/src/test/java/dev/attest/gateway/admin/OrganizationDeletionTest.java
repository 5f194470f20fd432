package dev.attest.gateway.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

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
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Deleting an organization: exported first, then erased, with a record of what was erased (issue 20). */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class OrganizationDeletionTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void deletionExportsThenErasesAndRecords() {
        TestDatabase db = new TestDatabase(dataSource);
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        Tenants.Org kept = Tenants.organization("admin-" + UUID.randomUUID());
        String project = Tenants.project(org, "sandbox");
        String keptProject = Tenants.project(kept, "sandbox");
        Tenants.IssuedKey key = Tenants.apiKey(org, project, "identities:read");
        Tenants.IssuedKey keptKey = Tenants.apiKey(kept, keptProject, "identities:read");
        given().auth().oauth2(key.key()).get("/identities/before").then().statusCode(201);
        given().auth().oauth2(org.adminToken()).get("/orgs/" + org.id()).then().statusCode(200);
        String admin = OidcUsers.platformAdmin();
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Growth", "currency", "EUR", "monthly_price_minor", 100))
                .put("/platform/organizations/" + org.id() + "/plan")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "closing"))
                .post("/platform/projects/" + project + "/suspend")
                .then()
                .statusCode(200);

        JsonPath erasure = given().auth()
                .oauth2(admin)
                .queryParam("reason", "customer asked")
                .delete("/platform/organizations/" + org.slug())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(erasure.getString("org_id")).isEqualTo(org.id());
        assertThat(erasure.getString("erased_by")).startsWith("platform-admin-");
        assertThat(erasure.getString("reason")).isEqualTo("customer asked");
        assertThat(erasure.getLong("erased.organizations")).isEqualTo(1);
        assertThat(erasure.getLong("erased.projects")).isEqualTo(1);
        assertThat(erasure.getLong("erased.members")).isEqualTo(1);
        assertThat(erasure.getLong("erased.api_keys")).isEqualTo(1);
        assertThat(erasure.getLong("erased.plans")).isEqualTo(1);
        assertThat(erasure.getLong("erased.suspensions")).isEqualTo(1);
        assertThat(erasure.getLong("erased.usage_days")).isGreaterThanOrEqualTo(1);
        assertThat(erasure.getLong("erased.project_rate_limit_buckets")).isEqualTo(1);

        // nothing of it is left in the gateway, the other organization is untouched
        for (String table : List.of(
                "organization where id",
                "project where org_id",
                "member where org_id",
                "api_key where org_id",
                "org_plan where org_id")) {
            assertThat(db.count("select count(*) from " + table + " = cast(? as uuid)", org.id()))
                    .as(table)
                    .isZero();
        }
        assertThat(db.count("select count(*) from usage_daily where org_id = ?", org.id()))
                .isZero();
        assertThat(db.count("select count(*) from suspension where target = ?", project))
                .isZero();
        assertThat(db.count("select count(*) from rate_limit_bucket where project_id = cast(? as uuid)", project))
                .isZero();
        given().auth().oauth2(key.key()).get("/identities/after").then().statusCode(401);
        given().auth().oauth2(keptKey.key()).get("/identities/kept").then().statusCode(201);
        given().auth().oauth2(admin).get("/orgs/" + org.id()).then().statusCode(404);

        // the export, made first, holds what was erased, without the keys' hashes
        String document = given().auth()
                .oauth2(admin)
                .get("/platform/organizations/" + org.id() + "/export")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("Content-Disposition", containsString("attachment"))
                .extract()
                .asString();
        JsonPath export = JsonPath.from(document);
        assertThat(export.getString("organization.slug")).isEqualTo(org.slug());
        assertThat(export.getList("projects.id")).containsExactly(project);
        assertThat(export.getList("members.user_id")).containsExactly(org.adminSubject());
        assertThat(export.getList("api_keys.id")).containsExactly(key.id());
        assertThat(export.getString("plan.name")).isEqualTo("Growth");
        assertThat(export.getList("usage.metric")).contains("requests");
        assertThat(export.getList("suspensions.reason")).contains("closing");
        assertThat(document).doesNotContain("key_hash").doesNotContain(key.key().substring(8));
        given().auth()
                .oauth2(admin)
                .get("/platform/organizations/" + org.slug() + "/export")
                .then()
                .statusCode(200);

        // the record of what was erased, and the services told
        given().auth()
                .oauth2(admin)
                .get("/platform/organizations/" + org.id() + "/erasures")
                .then()
                .statusCode(200)
                .body("[0].erased.api_keys", equalTo(1))
                .body("[0].export", equalTo("/platform/organizations/" + org.id() + "/export"));
        assertThat(db.strings(
                        "select data->>'slug' from attest_outbox where org_id = ?"
                                + " and type = 'attest.tenant.organization-deleted.v1'",
                        org.id()))
                .containsExactly(org.slug());
    }

    @Test
    void onlyPlatformAdminsDeleteAndNothingIsErasedOtherwise() {
        TestDatabase db = new TestDatabase(dataSource);
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String project = Tenants.project(org, "sandbox");
        Tenants.IssuedKey key = Tenants.apiKey(org, project, "identities:read");
        for (String caller :
                List.of(org.adminToken(), key.key(), OidcUsers.userOf(org.id(), "u-" + UUID.randomUUID(), "user"))) {
            given().auth()
                    .oauth2(caller)
                    .delete("/platform/organizations/" + org.id())
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            given().auth()
                    .oauth2(caller)
                    .get("/platform/organizations/" + org.id() + "/export")
                    .then()
                    .statusCode(403);
        }
        String admin = OidcUsers.platformAdmin();
        given().auth()
                .oauth2(admin)
                .delete("/platform/organizations/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(admin)
                .queryParam("reason", "x".repeat(1001))
                .delete("/platform/organizations/" + org.id())
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        // not deleted: no export to download
        given().auth()
                .oauth2(admin)
                .get("/platform/organizations/" + org.id() + "/export")
                .then()
                .statusCode(404);

        assertThat(db.count("select count(*) from organization where id = cast(? as uuid)", org.id()))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from org_erasure where org_id = cast(? as uuid)", org.id()))
                .isZero();
        given().auth().oauth2(key.key()).get("/identities/still").then().statusCode(201);
    }
}
