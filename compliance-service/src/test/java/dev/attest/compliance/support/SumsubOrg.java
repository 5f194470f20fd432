package dev.attest.compliance.support;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;

import dev.attest.common.security.Roles;
import dev.attest.compliance.client.SumsubSigning;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.TestDatabase;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A fresh organization using Sumsub for one test: an app of its own at the in-process Sumsub sandbox (its webhooks
 * to this service's {@code /webhooks/sumsub/<org>}, or nowhere), its Sumsub settings stored through the admin API,
 * and a project whose {@code kyc_provider} is {@code sumsub} in the tenant replica.
 */
public record SumsubOrg(String id, String appToken, String secretKey, String webhookSecret, String projectId) {
    public static final String LEVEL = "basic-kyc-level";

    public static SumsubOrg create(DataSource dataSource) {
        return create(dataSource, true);
    }

    /** {@code webhooks} false: the sandbox records the app's webhooks and sends none (a test delivers its own). */
    public static SumsubOrg create(DataSource dataSource, boolean webhooks) {
        String id = "org-" + UUID.randomUUID();
        SumsubOrg org = new SumsubOrg(
                id,
                "sbx:" + UUID.randomUUID().toString().replace("-", ""),
                "secret_" + UUID.randomUUID(),
                "whsec_" + UUID.randomUUID(),
                UUID.randomUUID().toString());
        Map<String, Object> app = new HashMap<>(
                Map.of("app_token", org.appToken, "secret_key", org.secretKey, "webhook_secret", org.webhookSecret));
        if (webhooks) {
            app.put("webhook_url", "http://localhost:" + RestAssured.port + "/webhooks/sumsub/" + id);
        }
        given().contentType(ContentType.JSON)
                .body(app)
                .post("/sumsub/_sandbox/apps")
                .then()
                .statusCode(201);
        org.admin()
                .body(Map.of(
                        "app_token",
                        org.appToken,
                        "secret_key",
                        org.secretKey,
                        "level_name",
                        LEVEL,
                        "kyb_level_name",
                        "kyb-level",
                        "webhook_secrets",
                        List.of(org.webhookSecret),
                        "required_steps",
                        List.of("government-id", "selfie")))
                .put("/orgs/" + id + "/integrations/sumsub")
                .then()
                .statusCode(200);
        TenantEvents.project(id, org.projectId, "sumsub");
        waitFor("the Sumsub project in the tenant replica")
                .until(() -> new TestDatabase(dataSource)
                                .count("select count(*) from attest_tenant_project where project_id = ?", org.projectId)
                        == 1);
        return org;
    }

    public RequestSpecification admin() {
        return given().auth()
                .oauth2(GatewayTokens.user(id, "admin-of-" + id, Roles.ORG_ADMIN))
                .contentType(ContentType.JSON);
    }

    /** {@code user} starts (or resumes) verification in this organization's Sumsub project. */
    public Response start(String user) {
        return given().auth()
                .oauth2(ProjectTokens.user(id, projectId, user))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "user_id",
                        user,
                        "document_type",
                        "passport",
                        "personal_info",
                        Map.of(
                                "first_name", "Ada",
                                "last_name", "Lovelace",
                                "birthdate", "1815-12-10",
                                "address", Map.of("city", "London", "country_code", "GB"))))
                .post("/compliance/kyc");
    }

    /** Scripts the applicant's review at the sandbox: {@code GREEN}, {@code ON_HOLD}, or {@code RED} with a type. */
    public static void review(String applicantId, String answer, String rejectType, String... labels) {
        Map<String, Object> body = new HashMap<>(Map.of("answer", answer));
        if (rejectType != null) {
            body.put("reject_type", rejectType);
            body.put("labels", List.of(labels));
        }
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/sumsub/_sandbox/applicants/" + applicantId + "/review")
                .then()
                .statusCode(200);
    }

    /** Delivers a webhook body to this organization's receiver, digested with its secret as Sumsub does. */
    public Response deliver(byte[] body) {
        return given().header("X-Payload-Digest", SumsubSigning.DigestAlg.HMAC_SHA256_HEX.digest(webhookSecret, body))
                .header("X-Payload-Digest-Alg", "HMAC_SHA256_HEX")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/webhooks/sumsub/" + id);
    }

    public JsonCase caseOf(String caseId) {
        var json = admin().get("/orgs/" + id + "/kyc/cases/" + caseId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return new JsonCase(json.getString("status"), json.getString("reason"));
    }

    /** What a case shows its admins: status and reason. */
    public record JsonCase(String status, String reason) {}
}
