package dev.attest.compliance.rest;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.attest.common.events.Topics;
import dev.attest.compliance.support.KycEventsOnKafka;
import dev.attest.compliance.support.PersonaSigner;
import dev.attest.compliance.support.TestOrg;
import dev.attest.contracts.EventTypes;
import dev.attest.testing.EventData;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class ReviewAndSettingsTest {
    private static final String CLAIM_ID = "0x" + "ab".repeat(32);
    private static final String TX_HASH = "0x" + "cd".repeat(32);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAdminApprovesACaseInReviewAndNoStaleEventReDecidesIt() {
        TestOrg org = TestOrg.create("needs-review");
        String user = "user-" + UUID.randomUUID();
        JsonPath started =
                KycFlowTest.start(org, user).then().statusCode(200).extract().jsonPath();
        String caseId = started.getString("case_id");
        String inquiry = started.getString("persona_inquiry_id");
        KycFlowTest.completeOnSandboxPage(inquiry, started.getString("persona_session_token"));
        JsonPath inReview = KycFlowTest.awaitStatus(org, user, caseId, "review");
        assertThat(inReview.getFloat("score")).isEqualTo(0.5f);
        org.user(user).get("/compliance/kyc/me").then().body("next_action", equalTo("wait"));

        org.admin()
                .queryParam("status", "review")
                .get("/orgs/" + org.id() + "/kyc/cases")
                .then()
                .statusCode(200)
                .body("items.case_id", hasItem(caseId))
                .body("total", equalTo(1));
        org.admin()
                .body(Map.of("decision", "approve", "reason", "documents_ok"))
                .post("/orgs/" + org.id() + "/kyc/cases/" + caseId + "/decision")
                .then()
                .statusCode(200)
                .body("status", equalTo("verified"))
                .body("decided_by", equalTo("admin-of-" + org.id()))
                .body("reason", equalTo("documents_ok"));
        given().auth()
                .oauth2(org.apiKey())
                .get("/persona/api/v1/inquiries/" + inquiry)
                .then()
                .body("data.attributes.status", equalTo("approved"));

        // Every event again, the old marked-for-review among them: the decided case does not move.
        given().contentType("application/json")
                .body(Map.of("times", 1, "shuffle", true))
                .post("/persona/_sandbox/inquiries/" + inquiry + "/redeliver")
                .then()
                .statusCode(202);
        int events = given().get("/persona/_sandbox/inquiries/" + inquiry + "/events")
                .jsonPath()
                .getList("$")
                .size();
        waitFor("the redelivered webhooks delivered")
                .until(
                        () -> given().queryParam("inquiry_id", inquiry)
                                .get("/persona/_sandbox/deliveries")
                                .jsonPath()
                                .getList("status")
                                .size(),
                        delivered -> delivered >= events * 2);
        List<Map<String, Object>> history = org.admin()
                .get("/orgs/" + org.id() + "/kyc/cases/" + caseId + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(history)
                .extracting(entry -> entry.get("to_status"))
                .containsExactly("verified", "review", "verified");
        assertThat(history.get(2).get("actor")).isEqualTo("admin-of-" + org.id());
        // the decision is in the audit trail, by its reviewer, without the reviewer's free-text reason
        TestDatabase db = new TestDatabase(dataSource);
        assertThat(db.strings(
                        "select action || ' ' || actor_subject || ' ' || (cast(changes as jsonb)->'after'->>'status')"
                                + " from attest_audit_entry where target_id = ?",
                        caseId))
                .containsExactly("kyc-case.approved admin-of-" + org.id() + " verified");
        assertThat(db.count(
                        "select count(*) from attest_audit_entry where target_id = ? and changes::text like ?",
                        caseId,
                        "%documents_ok%"))
                .isZero();
        org.admin().get("/orgs/" + org.id() + "/kyc/cases/" + caseId).then().body("status", equalTo("verified"));

        org.admin()
                .body(Map.of("decision", "decline", "reason", "changed_mind"))
                .post("/orgs/" + org.id() + "/kyc/cases/" + caseId + "/decision")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://attest.dev/problems/case-not-in-review"));
    }

    @Test
    void theReviewQueueRefusesBadParametersAndNonAdmins() {
        TestOrg org = TestOrg.create("none");
        org.admin()
                .queryParam("status", "bogus")
                .get("/orgs/" + org.id() + "/kyc/cases")
                .then()
                .statusCode(400);
        org.admin()
                .queryParam("size", 0)
                .get("/orgs/" + org.id() + "/kyc/cases")
                .then()
                .statusCode(400);
        org.admin()
                .queryParam("page", Integer.MAX_VALUE) // page * size would overflow the offset
                .get("/orgs/" + org.id() + "/kyc/cases")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        org.user("u1").get("/orgs/" + org.id() + "/kyc/cases").then().statusCode(403);
        org.admin()
                .body(Map.of("decision", "maybe", "reason", "x"))
                .post("/orgs/" + org.id() + "/kyc/cases/" + UUID.randomUUID() + "/decision")
                .then()
                .statusCode(400);
        org.admin()
                .body(Map.of("decision", "approve", "reason", "ok"))
                .post("/orgs/" + org.id() + "/kyc/cases/" + UUID.randomUUID() + "/decision")
                .then()
                .statusCode(404);
    }

    @Test
    void settingsAreStoredSealedShownMaskedAndTestedAgainstPersona() throws Exception {
        TestOrg org = TestOrg.create("none");
        org.admin()
                .get("/orgs/" + org.id() + "/integrations/persona")
                .then()
                .statusCode(200)
                .body(
                        "api_key",
                        equalTo("****" + org.apiKey().substring(org.apiKey().length() - 4)))
                .body("webhook_secrets[0]", startsWith("****"))
                .body("source", equalTo("organization"));
        assertThat(new TestDatabase(dataSource)
                        .strings(
                                "select api_key_enc || webhook_secret_enc from persona_settings where org_id = ?",
                                org.id())
                        .get(0))
                .doesNotContain(org.apiKey())
                .doesNotContain(org.webhookSecret());
        org.admin()
                .post("/orgs/" + org.id() + "/integrations/persona/test")
                .then()
                .statusCode(200)
                .body("api_key.ok", equalTo(true))
                .body("api_key.result", equalTo("ok"))
                .body("webhook_secret.ok", equalTo(true));

        String sample = "{\"data\":{\"type\":\"event\",\"id\":\"evt_sample\"}}";
        String wrongSignature =
                PersonaSigner.header("wbhsec_someone_else", 1_700_000_000L, sample.getBytes(StandardCharsets.UTF_8));
        org.admin()
                .body(Map.of("signature", wrongSignature, "payload", sample))
                .post("/orgs/" + org.id() + "/integrations/persona/test")
                .then()
                .statusCode(200)
                .body("webhook_secret.ok", equalTo(false));

        org.admin()
                .body(Map.of("api_key", "persona_wrong_key"))
                .put("/orgs/" + org.id() + "/integrations/persona")
                .then()
                .statusCode(200);
        org.admin()
                .post("/orgs/" + org.id() + "/integrations/persona/test")
                .then()
                .statusCode(200)
                .body("api_key.ok", equalTo(false))
                .body("api_key.result", equalTo("unauthorized"))
                .body("api_key.detail", equalTo("Persona refused the API key."));

        org.admin()
                .body(Map.of("environment", "staging"))
                .put("/orgs/" + org.id() + "/integrations/persona")
                .then()
                .statusCode(400);
        TestOrg other = TestOrg.create("none");
        other.admin().get("/orgs/" + org.id() + "/integrations/persona").then().statusCode(404);
    }

    @Test
    void testConnectionAnswersOnlyAClassifiedResultNeverPersonasWords() {
        TestOrg org = TestOrg.create("none");
        // Persona (the sandbox) answers 404 with its own error text, then a 503: neither reaches the admin.
        org.scriptFaults(1, 404);
        String unexpected = org.admin()
                .post("/orgs/" + org.id() + "/integrations/persona/test")
                .then()
                .statusCode(200)
                .body("api_key.ok", equalTo(false))
                .body("api_key.result", equalTo("unexpected-answer"))
                .extract()
                .asString();
        org.scriptFaults(1, 503);
        String failing = org.admin()
                .post("/orgs/" + org.id() + "/integrations/persona/test")
                .then()
                .statusCode(200)
                .body("api_key.result", equalTo("unreachable"))
                .extract()
                .asString();
        for (String answer : List.of(unexpected, failing)) {
            assertThat(answer)
                    .doesNotContain("Scripted sandbox failure")
                    .doesNotContain("Internal server error")
                    .doesNotContain("404")
                    .doesNotContain("503");
        }
        org.admin()
                .post("/orgs/" + org.id() + "/integrations/persona/test")
                .then()
                .body("api_key.ok", equalTo(true))
                .body("api_key.result", equalTo("ok"));
    }

    @Test
    void settingsBeyondWhatPersonaIssuesAreRefusedWithProblemJsonAndNothingIsStored() {
        String orgId = "org-" + UUID.randomUUID();
        var admin = given().auth()
                .oauth2(GatewayTokens.user(orgId, "admin-of-" + orgId, dev.attest.common.security.Roles.ORG_ADMIN))
                .contentType("application/json");
        List<Map<String, Object>> refused = List.of(
                Map.of("api_key", "k".repeat(100_000)),
                Map.of("api_key", "persona key with spaces"),
                Map.of("api_key", "persona_key\u0000nul"),
                Map.of("inquiry_template_id", "itmpl_" + "a".repeat(100_000)),
                Map.of("inquiry_template_id", "not-a-template"),
                Map.of("webhook_secrets", List.of("wbhsec_" + "s".repeat(100_000))),
                Map.of("webhook_secrets", List.of("wbhsec_line\nbreak")),
                Map.of("webhook_secrets", List.of("a1b2c3d4e5", "f6g7h8i9j0", "k1l2m3n4o5")));
        for (Map<String, Object> change : refused) {
            given().auth()
                    .oauth2(GatewayTokens.user(orgId, "admin-of-" + orgId, dev.attest.common.security.Roles.ORG_ADMIN))
                    .contentType("application/json")
                    .body(change)
                    .put("/orgs/" + orgId + "/integrations/persona")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(GatewayTokens.user(orgId, "admin-of-" + orgId, dev.attest.common.security.Roles.ORG_ADMIN))
                .contentType("application/json")
                .body(Map.of("signature", "t=1,v1=" + "0".repeat(100_000), "payload", "{}"))
                .post("/orgs/" + orgId + "/integrations/persona/test")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(new TestDatabase(dataSource).count("select count(*) from persona_settings where org_id = ?", orgId))
                .isZero();
        admin.get("/orgs/" + orgId + "/integrations/persona")
                .then()
                .statusCode(200)
                .body("source", equalTo("none"));
    }

    @Test
    void startRequestsAndDecisionsBeyondTheirBoundsAreRefusedAndOpenNothing() {
        TestOrg org = TestOrg.create("none");
        String user = "user-" + UUID.randomUUID();
        org.user(user)
                .body(Map.of(
                        "user_id",
                        user,
                        "document_type",
                        "passport",
                        "personal_info",
                        Map.of("first_name", "A".repeat(100_000))))
                .post("/compliance/kyc")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://attest.dev/problems/invalid-applicant-data"));
        org.user(user)
                .body(Map.of(
                        "user_id", user, "document_type", "passport", "document_data", Map.of("number", "X123\u0000")))
                .post("/compliance/kyc")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        String longUser = "u".repeat(300); // a subject no identity provider issues (the token must still fit a header)
        given().auth()
                .oauth2(GatewayTokens.user(org.id(), longUser, dev.attest.common.security.Roles.USER))
                .contentType("application/json")
                .body(Map.of("user_id", longUser, "document_type", "passport"))
                .post("/compliance/kyc")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        org.admin()
                .body(Map.of("decision", "approve", "reason", "r".repeat(100_000)))
                .post("/orgs/" + org.id() + "/kyc/cases/" + UUID.randomUUID() + "/decision")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(new TestDatabase(dataSource).count("select count(*) from kyc_case where org_id = ?", org.id()))
                .isZero();
    }

    @Test
    void claimReferencesAreRecordedByAnIssuerOnceAndAnnounced() {
        TestOrg org = TestOrg.create("none");
        String user = "user-" + UUID.randomUUID();
        String caseId =
                KycFlowTest.start(org, user).then().statusCode(200).extract().path("case_id");
        Map<String, String> claim = Map.of("kyc_claim_id", CLAIM_ID, "kyc_claim_tx_hash", TX_HASH);

        org.user(user)
                .body(claim)
                .put("/compliance/kyc/" + caseId + "/claim")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(GatewayTokens.apiKey(org.id(), "p1", "k1", "kyc:read"))
                .contentType("application/json")
                .body(claim)
                .put("/compliance/kyc/" + caseId + "/claim")
                .then()
                .statusCode(403);
        org.admin()
                .body(Map.of("kyc_claim_id", "0x12", "kyc_claim_tx_hash", TX_HASH))
                .put("/compliance/kyc/" + caseId + "/claim")
                .then()
                .statusCode(400);

        given().auth()
                .oauth2(GatewayTokens.apiKey(org.id(), "p1", "k1", "kyc:write"))
                .contentType("application/json")
                .body(claim)
                .put("/compliance/kyc/" + caseId + "/claim")
                .then()
                .statusCode(200)
                .body("kyc_claim_id", equalTo(CLAIM_ID))
                .body("kyc_claim_tx_hash", equalTo(TX_HASH));
        org.admin()
                .body(claim)
                .put("/compliance/kyc/" + caseId + "/claim")
                .then()
                .statusCode(200);

        try (KycEventsOnKafka kafka = new KycEventsOnKafka()) {
            kafka.of(caseId, list -> list.stream().anyMatch(e -> e.type().equals("attest.kyc.claim-recorded.v1")));
            List<KycEventsOnKafka.Event> recorded = kafka.settle(caseId, java.time.Duration.ofSeconds(2)).stream()
                    .filter(e -> e.type().equals("attest.kyc.claim-recorded.v1"))
                    .toList();
            assertThat(recorded).hasSize(1);
            assertThat(recorded.get(0).data().get("kyc_claim_id").asText()).isEqualTo(CLAIM_ID);
        }
    }

    @Test
    void claimEventsFromIdentityServiceStoreAndRevokeTheReferences() {
        TestOrg org = TestOrg.create("none");
        String user = "user-" + UUID.randomUUID();
        String caseId =
                KycFlowTest.start(org, user).then().statusCode(200).extract().path("case_id");

        publishIdentityEvent(
                org.id(),
                user,
                EventTypes.Identity.CLAIM_ISSUED,
                EventData.claimIssued(user, caseId, CLAIM_ID, TX_HASH));
        JsonPath withClaim = waitFor("the claim recorded on the case")
                .until(() -> kycCase(org, caseId), json -> CLAIM_ID.equals(json.getString("kyc_claim_id")));
        assertThat(withClaim.getString("kyc_claim_tx_hash")).isEqualTo(TX_HASH);

        publishIdentityEvent(
                org.id(),
                user,
                EventTypes.Identity.CLAIM_REVOKED,
                EventData.claimRevoked(user, caseId, CLAIM_ID, TX_HASH));
        JsonPath revoked = waitFor("the claim's revocation recorded on the case")
                .until(() -> kycCase(org, caseId), json -> json.getString("kyc_claim_revoked_at") != null);
        assertThat(revoked.getString("kyc_claim_revoked_at")).isNotNull();
    }

    private static JsonPath kycCase(TestOrg org, String caseId) {
        return org.admin().get("/compliance/kyc/" + caseId).then().extract().jsonPath();
    }

    private static void publishIdentityEvent(String orgId, String user, String type, Map<String, Object> data) {
        try (EventPublisher events = new EventPublisher()) {
            events.send(Topics.IDENTITY, type, orgId, orgId + ":" + user, data);
        }
    }
}
