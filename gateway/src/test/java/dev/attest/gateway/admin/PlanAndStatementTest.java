package dev.attest.gateway.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plans per organization and the monthly statements priced with them (issue 20). */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class PlanAndStatementTest {
    @Inject
    AgroalDataSource dataSource;

    private Tenants.Org org;
    private String platformAdmin;

    @BeforeEach
    void organization() {
        org = Tenants.organization("admin-" + UUID.randomUUID());
        platformAdmin = OidcUsers.platformAdmin();
    }

    private static Map<String, Object> growthPlan() {
        Map<String, Object> plan = new HashMap<>();
        plan.put("name", "Growth");
        plan.put("currency", "EUR");
        plan.put("monthly_price_minor", 49_900);
        plan.put("included", Map.of("requests", 1_000, "kyc_cases_opened", 10));
        plan.put(
                "unit_prices_per_thousand_minor",
                Map.of(
                        "requests", 25, // 0.025 cent a request
                        "kyc_cases_opened", 150_000, // 1.50 a case
                        "wallets_provisioned", 200_000, // 2.00 a wallet
                        "transfers", 333)); // 0.333 cent a transfer
        return plan;
    }

    @Test
    void aStatementForAMonthOfKnownUsage() {
        String p1 = Tenants.project(org, "sandbox");
        String p2 = Tenants.project(org, "production");
        TestDatabase db = new TestDatabase(dataSource);
        usage(db, org.id(), p1, "2026-03-01", "requests", 10_000);
        usage(db, org.id(), p2, "2026-03-31", "requests", 2_345);
        usage(db, org.id(), p1, "2026-03-15", "kyc_cases_opened", 25);
        usage(db, org.id(), "", "2026-03-16", "wallets_provisioned", 3);
        usage(db, org.id(), "", "2026-03-17", "transfers", 1_500);
        usage(db, org.id(), p2, "2026-03-18", "webhooks_delivered", 50);
        // outside the month, or another organization's: not on the statement
        usage(db, org.id(), p1, "2026-02-28", "requests", 999);
        usage(db, org.id(), p1, "2026-04-01", "requests", 777);
        usage(db, UUID.randomUUID().toString(), p1, "2026-03-10", "requests", 5_000);
        putPlan(growthPlan()).statusCode(200);

        JsonPath statement = given().auth()
                .oauth2(org.adminToken())
                .get("/orgs/" + org.id() + "/statements/2026-03")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(statement.getString("currency")).isEqualTo("EUR");
        assertThat(statement.getString("plan")).isEqualTo("Growth");
        assertThat(statement.getString("from")).isEqualTo("2026-03-01");
        assertThat(statement.getString("to")).isEqualTo("2026-03-31");
        assertThat(statement.getBoolean("complete")).isTrue();
        assertThat(statement.getLong("monthly_price_minor")).isEqualTo(49_900);
        // requests: 12345 used, 1000 included, 11345 × 25 / 1000 = 283.625 → 284
        assertLine(statement, "requests", 12_345, 1_000, 11_345, 25, 284);
        // KYC cases: 15 over the 10 included, at 1.50
        assertLine(statement, "kyc_cases_opened", 25, 10, 15, 150_000, 2_250);
        assertLine(statement, "wallets_provisioned", 3, 0, 3, 200_000, 600);
        // transfers: 1500 × 333 / 1000 = 499.5 → half up → 500
        assertLine(statement, "transfers", 1_500, 0, 1_500, 333, 500);
        assertLine(statement, "webhooks_delivered", 50, 0, 50, 0, 0);
        assertThat(statement.getLong("total_minor")).isEqualTo(49_900 + 284 + 2_250 + 600 + 500);

        String csv = given().auth()
                .oauth2(org.adminToken())
                .queryParam("format", "csv")
                .get("/orgs/" + org.id() + "/statements/2026-03")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"statement-" + org.slug() + "-2026-03.csv\"")
                .extract()
                .asString();
        assertThat(csv.split("\r\n"))
                .containsExactly(
                        "organization,month,item,used,included,billable,unit_price_per_1000_minor,amount_minor,currency",
                        org.slug() + ",2026-03,plan Growth,,,,,49900,EUR",
                        org.slug() + ",2026-03,requests,12345,1000,11345,25,284,EUR",
                        org.slug() + ",2026-03,kyc_cases_opened,25,10,15,150000,2250,EUR",
                        org.slug() + ",2026-03,wallets_provisioned,3,0,3,200000,600,EUR",
                        org.slug() + ",2026-03,transfers,1500,0,1500,333,500,EUR",
                        org.slug() + ",2026-03,webhooks_delivered,50,0,50,0,0,EUR",
                        org.slug() + ",2026-03,total,,,,,53534,EUR");

        String html = given().auth()
                .oauth2(org.adminToken())
                .queryParam("format", "html")
                .get("/orgs/" + org.id() + "/statements/2026-03")
                .then()
                .statusCode(200)
                .contentType("text/html")
                .extract()
                .asString();
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("Statement 2026-03", "Growth", "499.00 EUR", "2.84 EUR", "22.50 EUR", "535.34 EUR")
                .doesNotContain("<script");
    }

    @Test
    void aMonthWithoutUsageOrPlanIsTheFreeDefault() {
        JsonPath statement = given().auth()
                .oauth2(org.adminToken())
                .get("/orgs/" + org.slug() + "/statements/2001-01")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(statement.getString("plan")).isEqualTo("default");
        assertThat(statement.getLong("total_minor")).isZero();
        assertThat(statement.getList("lines.metric"))
                .containsExactly(
                        "requests", "kyc_cases_opened", "wallets_provisioned", "transfers", "webhooks_delivered");
        given().auth()
                .oauth2(org.adminToken())
                .get("/orgs/" + org.id() + "/plan")
                .then()
                .statusCode(200)
                .body("default_plan", equalTo(true));
    }

    @Test
    void orgAdminsReadThePlanThatPlatformAdminsSet() {
        putPlan(growthPlan()).statusCode(200);
        JsonPath plan = given().auth()
                .oauth2(org.adminToken())
                .get("/orgs/" + org.id() + "/plan")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(plan.getString("name")).isEqualTo("Growth");
        assertThat(plan.getLong("monthly_price_minor")).isEqualTo(49_900);
        assertThat(plan.getLong("included.requests")).isEqualTo(1_000);
        assertThat(plan.getLong("included.transfers")).isZero();
        assertThat(plan.getLong("unit_prices_per_thousand_minor.kyc_cases_opened"))
                .isEqualTo(150_000);
        assertThat(plan.getString("updated_by")).startsWith("platform-admin-");
        // org admins read it, never set it
        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(growthPlan())
                .put("/platform/organizations/" + org.id() + "/plan")
                .then()
                .statusCode(403);
    }

    @Test
    void thePlansRateLimitAppliesToTheOrganizationsProjects() {
        String project = Tenants.project(org, "sandbox", Map.of("capacity", 1000, "refill_per_second", 100));
        String key = Tenants.apiKey(org, project, "identities:read").key();
        Map<String, Object> plan = growthPlan();
        plan.put("rate_limit", Map.of("capacity", 2, "refill_per_second", 0.001));
        putPlan(plan).statusCode(200);

        given().auth().oauth2(key).get("/identities/a").then().statusCode(201).header("RateLimit-Limit", "2");
        given().auth().oauth2(key).get("/identities/b").then().statusCode(201);
        String refused = "/identities/c-" + UUID.randomUUID();
        given().auth().oauth2(key).get(refused).then().statusCode(429).contentType("application/problem+json");
        assertThat(RecordingUpstream.receivedAt(refused)).isEmpty();

        // without the plan's limit, the project's own applies again
        Map<String, Object> unlimited = growthPlan();
        putPlan(unlimited).statusCode(200);
        sleep(200); // the project's bucket refills at 100 a second
        given().auth().oauth2(key).get("/identities/d").then().statusCode(201);
    }

    @Test
    void badPlansAndMonthsAre400AndChangeNothing() {
        putPlan(growthPlan()).statusCode(200);
        List<Map<String, Object>> bad = List.of(
                with("currency", "eur"),
                with("monthly_price_minor", -1),
                with("name", ""),
                with("included", Map.of("gold_bars", 1)),
                with("unit_prices_per_thousand_minor", Map.of("requests", -5)),
                with("rate_limit", Map.of("capacity", 0, "refill_per_second", 1)),
                with("included", List.of(1)));
        for (Map<String, Object> plan : bad) {
            putPlan(plan).statusCode(400).contentType("application/problem+json");
        }
        given().auth()
                .oauth2(org.adminToken())
                .get("/orgs/" + org.id() + "/plan")
                .then()
                .statusCode(200)
                .body("name", equalTo("Growth"))
                .body("currency", equalTo("EUR"));
        for (String month : List.of("2026-13", "2026-3", "1999-12", "march", "2026-03-01")) {
            given().auth()
                    .oauth2(org.adminToken())
                    .get("/orgs/" + org.id() + "/statements/" + month)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(org.adminToken())
                .queryParam("format", "pdf")
                .get("/orgs/" + org.id() + "/statements/2026-03")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anotherOrganizationsAdminGets404AndTheOrganizationsUsers403() {
        Tenants.Org other = Tenants.organization("admin-" + UUID.randomUUID());
        String user = OidcUsers.userOf(org.id(), "user-" + UUID.randomUUID(), "user");
        for (String path : List.of("/orgs/" + org.id() + "/plan", "/orgs/" + org.id() + "/statements/2026-03")) {
            given().auth()
                    .oauth2(other.adminToken())
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(user).get(path).then().statusCode(403).contentType("application/problem+json");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Object> with(String field, Object value) {
        Map<String, Object> plan = growthPlan();
        plan.put(field, value);
        return plan;
    }

    private io.restassured.response.ValidatableResponse putPlan(Map<String, Object> plan) {
        return given().auth()
                .oauth2(platformAdmin)
                .contentType(ContentType.JSON)
                .body(plan)
                .put("/platform/organizations/" + org.id() + "/plan")
                .then();
    }

    private static void usage(TestDatabase db, String orgId, String project, String day, String metric, long count) {
        db.update(
                "insert into usage_daily (org_id, project_key, day, metric, count) values (?, ?, cast(? as date), ?, ?)",
                orgId,
                project,
                day,
                metric,
                count);
    }

    private static void assertLine(
            JsonPath statement, String metric, long used, long included, long billable, long unitPrice, long amount) {
        String line = "lines.find { it.metric == '" + metric + "' }";
        assertThat(statement.getLong(line + ".used")).as(metric).isEqualTo(used);
        assertThat(statement.getLong(line + ".included")).as(metric).isEqualTo(included);
        assertThat(statement.getLong(line + ".billable")).as(metric).isEqualTo(billable);
        assertThat(statement.getLong(line + ".unit_price_per_thousand_minor"))
                .as(metric)
                .isEqualTo(unitPrice);
        assertThat(statement.getLong(line + ".amount_minor")).as(metric).isEqualTo(amount);
    }
}
