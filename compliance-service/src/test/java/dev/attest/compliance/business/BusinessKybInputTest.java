package dev.attest.compliance.business;

import static dev.attest.compliance.business.KybScenario.applied;
import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.attest.common.events.Topics;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class BusinessKybInputTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void badApplicationsAreRefusedNamingTheFieldWithNothingStoredOrSent() {
        TestOrg org = KybScenario.org("none");
        String representative = "rep-" + UUID.randomUUID();
        Map<String, UnaryOperator<Map<String, Object>>> badOnes = Map.of(
                "business.legal_name", body -> business(body, "legal_name", " "),
                "business.country_code", body -> business(body, "country_code", "Germany"),
                "business.registration_number", body -> business(body, "registration_number", "HRB\n1"),
                "owners", body -> with(body, "owners", List.of()),
                "owners.role", body -> owners(body, List.of(owner("founder", 50))),
                "owners.ownership_percent", body -> owners(body, List.of(owner("beneficial_owner", 101))),
                "owners.first_name",
                        body -> owners(
                                body,
                                List.of(owner("beneficial_owner", 10), Map.of("role", "director", "last_name", "X"))),
                "beneficial_owner_listed", body -> owners(body, List.of(owner("director", null))),
                "ownership_at_most_whole",
                        body -> owners(body, List.of(owner("beneficial_owner", 60), owner("beneficial_owner", 50))));
        badOnes.forEach((field, change) -> KybScenario.apply(
                        org, representative, change.apply(KybScenario.application("HRB-" + UUID.randomUUID())))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field)));
        Map<String, Object> elevenOwners = owners(
                KybScenario.application("HRB-1"), java.util.Collections.nCopies(11, owner("beneficial_owner", 5)));
        KybScenario.apply(org, representative, elevenOwners).then().statusCode(400);
        KybScenario.apply(org, representative, "{\"business\": 7}")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        TestDatabase sql = new TestDatabase(dataSource);
        assertThat(sql.count("select count(*) from business_case where org_id = ?", org.id()))
                .isZero();
        assertThat(sql.count("select count(*) from kyc_case where org_id = ?", org.id()))
                .isZero();
        // Only the audit trail's entries of the test's own set-up (the org's provider settings) are in the outbox.
        assertThat(sql.count(
                        "select count(*) from attest_outbox where org_id = ? and topic <> 'attest.audit.v1'", org.id()))
                .isZero();
        given().auth()
                .oauth2(org.apiKey())
                .get("/persona/api/v1/inquiries")
                .then()
                .body("data.size()", equalTo(0));
    }

    @Test
    void anOrganizationWithoutAKybTemplateIsToldSoAndNothingIsStored() {
        TestOrg org = TestOrg.create("none");
        KybScenario.apply(org, "rep-" + UUID.randomUUID(), KybScenario.application("HRB-" + UUID.randomUUID()))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://attest.dev/problems/kyb-not-configured"));
        TestDatabase sql = new TestDatabase(dataSource);
        assertThat(sql.count("select count(*) from business_case where org_id = ?", org.id()))
                .isZero();
        assertThat(sql.count("select count(*) from kyc_case where org_id = ?", org.id()))
                .isZero();
        org.admin()
                .get("/orgs/" + org.id() + "/integrations/persona")
                .then()
                .body("kyb_inquiry_template_id", equalTo(null));
        org.admin()
                .body(Map.of("kyb_inquiry_template_id", "kyb template"))
                .put("/orgs/" + org.id() + "/integrations/persona")
                .then()
                .statusCode(400);
    }

    @Test
    void businessCasesAreSeenOnlyByTheirRepresentativeAndTheirOrganizationsAdmins() {
        TestOrg org = KybScenario.org("none");
        TestOrg other = KybScenario.org("none");
        String representative = "rep-" + UUID.randomUUID();
        JsonPath started = applied(org, representative, "HRB-" + UUID.randomUUID());
        String caseId = started.getString("business_case_id");
        String ownerId = started.getString("owners[0].owner_id");

        org.admin().get("/orgs/" + org.id() + "/kyb/cases/" + caseId).then().statusCode(200);
        org.admin().get("/compliance/kyb/" + caseId).then().statusCode(200).body("owners.size()", equalTo(2));
        org.user("someone-else").get("/compliance/kyb/" + caseId).then().statusCode(404);
        org.user("someone-else")
                .post("/compliance/kyb/" + caseId + "/owners/" + ownerId + "/link")
                .then()
                .statusCode(404);
        other.user(representative).get("/compliance/kyb/" + caseId).then().statusCode(404);
        other.admin().get("/orgs/" + other.id() + "/kyb/cases/" + caseId).then().statusCode(404);
        other.admin().get("/orgs/" + org.id() + "/kyb/cases/" + caseId).then().statusCode(404);
        other.admin()
                .body(Map.of("decision", "approve", "reason", "x"))
                .post("/orgs/" + other.id() + "/kyb/cases/" + caseId + "/decision")
                .then()
                .statusCode(404);
        other.admin()
                .get("/orgs/" + other.id() + "/kyb/cases")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        org.user(representative).get("/compliance/kyb/not-an-id").then().statusCode(404);
        org.user(representative).get("/orgs/" + org.id() + "/kyb/cases").then().statusCode(403);
    }

    @Test
    void claimReferencesAreRecordedByTheOrganizationOnly() {
        TestOrg org = KybScenario.org("none");
        TestOrg other = KybScenario.org("none");
        String representative = "rep-" + UUID.randomUUID();
        String caseId = applied(org, representative, "HRB-" + UUID.randomUUID()).getString("business_case_id");
        Map<String, String> references =
                Map.of("kyb_claim_id", "0x" + "ab".repeat(32), "kyb_claim_tx_hash", "0x" + "cd".repeat(32));

        org.admin()
                .body(Map.of("kyb_claim_id", "0x12", "kyb_claim_tx_hash", "0x34"))
                .put("/compliance/kyb/" + caseId + "/claim")
                .then()
                .statusCode(400);
        other.admin()
                .body(references)
                .put("/compliance/kyb/" + caseId + "/claim")
                .then()
                .statusCode(404);
        org.user(representative)
                .body(references)
                .put("/compliance/kyb/" + caseId + "/claim")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(GatewayTokens.apiKey(org.id(), "project-1", "key-1"))
                .contentType("application/json")
                .body(references)
                .put("/compliance/kyb/" + caseId + "/claim")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(GatewayTokens.apiKey(org.id(), "project-1", "key-1", "kyc:write"))
                .contentType("application/json")
                .body(references)
                .put("/compliance/kyb/" + caseId + "/claim")
                .then()
                .statusCode(200)
                .body("kyb_claim_id", equalTo("0x" + "ab".repeat(32)));
        org.user(representative)
                .get("/compliance/kyb/" + caseId)
                .then()
                .body("kyb_claim_tx_hash", equalTo("0x" + "cd".repeat(32)));
    }

    @Test
    void identityServicesClaimEventsForABusinessAreRecordedOnItsBusinessCase() {
        TestOrg org = KybScenario.org("none");
        String caseId = applied(org, "rep-" + UUID.randomUUID(), "HRB-" + UUID.randomUUID())
                .getString("business_case_id");
        String claimId = "0x" + "ef".repeat(32);
        String txHash = "0x" + "12".repeat(32);
        String subject = "business:" + caseId;
        Map<String, Object> issued = new HashMap<>(EventData.claimIssued(subject, caseId, claimId, txHash));
        issued.put("subject", "business");
        publishIdentityEvent(org.id(), subject, EventTypes.Identity.CLAIM_ISSUED, issued);
        waitFor("the KYB claim recorded on the business case")
                .until(() -> businessCase(org, caseId), json -> claimId.equals(json.getString("kyb_claim_id")));

        Map<String, Object> revoked = new HashMap<>(EventData.claimRevoked(subject, caseId, claimId, txHash));
        revoked.put("subject", "business");
        publishIdentityEvent(org.id(), subject, EventTypes.Identity.CLAIM_REVOKED, revoked);
        JsonPath withRevocation = waitFor("the revocation recorded on the business case")
                .until(() -> businessCase(org, caseId), json -> json.getString("kyb_claim_revoked_at") != null);
        assertThat(withRevocation.getString("kyb_claim_tx_hash")).isEqualTo(txHash);
    }

    private static JsonPath businessCase(TestOrg org, String caseId) {
        return org.admin().get("/compliance/kyb/" + caseId).then().extract().jsonPath();
    }

    private static void publishIdentityEvent(String orgId, String subject, String type, Map<String, Object> data) {
        try (EventPublisher events = new EventPublisher()) {
            events.send(Topics.IDENTITY, type, orgId, orgId + ":" + subject, data);
        }
    }

    private static Map<String, Object> owner(String role, Integer percent) {
        Map<String, Object> owner = new HashMap<>(Map.of("role", role, "first_name", "Ann", "last_name", "Owner"));
        if (percent != null) {
            owner.put("ownership_percent", percent);
        }
        return owner;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> business(Map<String, Object> body, String field, Object value) {
        return with(body, "business", with((Map<String, Object>) body.get("business"), field, value));
    }

    private static Map<String, Object> owners(Map<String, Object> body, List<Map<String, Object>> owners) {
        return with(body, "owners", owners);
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
