package dev.attest.compliance.support;

import static io.restassured.RestAssured.given;

import dev.attest.common.security.Roles;
import dev.attest.testing.GatewayTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh organization for one test: its Persona settings stored through the admin API, and its
 * counterpart in the in-process Persona sandbox (API key, webhook URL pointing back at this service, secret,
 * scenario).
 */
public record TestOrg(String id, String apiKey, String webhookSecret) {

    public static TestOrg create(String decision) {
        return create(decision, false, 0);
    }

    public static TestOrg create(String decision, boolean reverseOrder, int duplicates) {
        return create(decision, reverseOrder, duplicates, true);
    }

    /**
     * An organization whose webhooks the sandbox records but never delivers (no webhook URL at the sandbox,
     * and none configured for it in these tests): every webhook is lost.
     */
    public static TestOrg createWithoutWebhooks(String decision) {
        return create(decision, false, 0, false);
    }

    private static TestOrg create(String decision, boolean reverseOrder, int duplicates, boolean webhooks) {
        String id = "org-" + UUID.randomUUID();
        TestOrg org =
                new TestOrg(id, "key_" + UUID.randomUUID().toString().replace("-", ""), "wbhsec_" + UUID.randomUUID());
        Map<String, Object> registration = new java.util.HashMap<>(Map.of(
                "api_key",
                org.apiKey,
                "webhook_secret",
                org.webhookSecret,
                "scenario",
                Map.of("decision", decision, "reverse_order", reverseOrder, "duplicates", duplicates)));
        if (webhooks) {
            registration.put("webhook_url", org.webhookUrl());
        }
        given().contentType(ContentType.JSON)
                .body(registration)
                .post("/persona/_sandbox/organizations")
                .then()
                .statusCode(201);
        org.admin()
                .body(Map.of(
                        "api_key",
                        org.apiKey,
                        "inquiry_template_id",
                        "itmpl_" + id.replace("-", ""),
                        "environment",
                        "sandbox",
                        "webhook_secrets",
                        List.of(org.webhookSecret)))
                .put("/orgs/" + id + "/integrations/persona")
                .then()
                .statusCode(200);
        return org;
    }

    /** Where this organization's webhooks go: this service's receiver for it. */
    public String webhookUrl() {
        return "http://localhost:" + RestAssured.port + "/webhooks/persona/" + id;
    }

    /** Makes the sandbox answer this organization's next {@code failNext} Persona calls with {@code status}. */
    public void scriptFaults(int failNext, int status) {
        given().contentType(ContentType.JSON)
                .body(Map.of("api_key", apiKey, "fail_next", failNext, "status", status))
                .post("/persona/_sandbox/faults")
                .then()
                .statusCode(204);
    }

    /** How many inquiries Persona (the sandbox) holds for the case: its reference-id is the case id. */
    public int inquiriesAtPersona(String caseId) {
        return given().auth()
                .oauth2(apiKey)
                .queryParam("filter[reference-id]", caseId)
                .get("/persona/api/v1/inquiries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("data")
                .size();
    }

    public RequestSpecification admin() {
        return given().auth()
                .oauth2(GatewayTokens.user(id, "admin-of-" + id, Roles.ORG_ADMIN))
                .contentType(ContentType.JSON);
    }

    /** A case's verification steps, as this organization's admins see them. */
    public JsonPath caseSteps(String caseId) {
        return admin().get("/orgs/" + id + "/kyc/cases/" + caseId + "/steps")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    public RequestSpecification user(String subject) {
        return given().auth()
                .oauth2(GatewayTokens.user(id, subject, Roles.USER))
                .contentType(ContentType.JSON);
    }
}
