package dev.attest.compliance.business;

import static dev.attest.compliance.business.KybScenario.actAtLink;
import static dev.attest.compliance.business.KybScenario.actInSession;
import static dev.attest.compliance.business.KybScenario.applied;
import static dev.attest.compliance.business.KybScenario.awaitOwner;
import static dev.attest.compliance.business.KybScenario.awaitStatus;
import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.attest.compliance.support.TestOrg;
import dev.attest.contracts.EventTypes;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class BusinessKybTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void oneRejectedOwnerRejectsTheBusinessOnceWhateverTheRestDoes() {
        TestOrg org = KybScenario.org("none");
        String representative = "rep-" + UUID.randomUUID();
        try (KybScenario.Events events = new KybScenario.Events()) {
            JsonPath started = applied(org, representative, "HRB-" + UUID.randomUUID());
            String caseId = started.getString("business_case_id");
            assertThat(started.getString("status")).isEqualTo("pending");
            assertThat(started.getString("provider")).isEqualTo("persona");
            assertThat(started.getString("provider_reference")).startsWith("inq_");
            assertThat(started.getString("session_token")).isNotBlank();
            assertThat(started.getList("owners.position", Integer.class)).containsExactly(1, 2);
            assertThat(started.getList("owners.role", String.class)).containsExactly("beneficial_owner", "director");
            assertThat(started.getList("owners.kyc_status", String.class)).containsExactly("pending", "pending");

            actAtLink(started.getString("owners[0].verification_link"), "complete");
            awaitOwner(org, representative, caseId, 1, "verified");
            actAtLink(started.getString("owners[1].verification_link"), "fail");
            JsonPath rejected = awaitStatus(org, representative, caseId, "rejected");
            assertThat(rejected.getString("reason")).isEqualTo("kyb.owner-rejected");
            assertThat(rejected.getString("decided_by")).isEqualTo("provider");

            // The business flow completes afterwards: the business stays rejected, announced once.
            actInSession(started.getString("provider_reference"), started.getString("session_token"), "complete");
            waitFor("the business verification verified")
                    .until(
                            () -> org.admin()
                                    .get("/orgs/" + org.id() + "/kyb/cases/" + caseId)
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .jsonPath()
                                    .getString("verification_status"),
                            "verified"::equals);
            List<KybScenario.Events.Event> announced = events.until(caseId, list -> list.size() >= 2);
            announced = events.settle(caseId, Duration.ofSeconds(2));
            assertThat(announced)
                    .extracting(KybScenario.Events.Event::type)
                    .containsExactly(EventTypes.Kyc.BUSINESS_CASE_OPENED, EventTypes.Kyc.BUSINESS_STATUS_CHANGED);
            assertThat(announced.get(0).key()).isEqualTo(org.id() + ":business:" + caseId);
            assertThat(announced.get(0).data().path("owner_case_ids")).hasSize(2);
            assertThat(announced.get(1).data().path("status").asText()).isEqualTo("rejected");
            assertThat(announced.get(1).data().path("previous_status").asText()).isEqualTo("pending");
            assertThat(announced.get(1).data().path("reason").asText()).isEqualTo("kyb.owner-rejected");
            org.user(representative).get("/compliance/kyb/" + caseId).then().body("status", equalTo("rejected"));

            // Owners are KYC cases of business-owner users; who they are is at Persona only.
            TestDatabase sql = new TestDatabase(dataSource);
            assertThat(sql.strings("select user_id from kyc_case where org_id = ?", org.id()))
                    .hasSize(2)
                    .allMatch(user -> user.startsWith("business-owner:"));
            assertThat(sql.rowsContaining(KybScenario.OWNER_LAST_NAME))
                    .as("owner names stored anywhere")
                    .isZero();
            given().auth()
                    .oauth2(org.apiKey())
                    .queryParam("filter[reference-id]", started.getString("owners[0].kyc_case_id"))
                    .get("/persona/api/v1/inquiries")
                    .then()
                    .body("data[0].attributes.fields.'name-last'", equalTo(KybScenario.OWNER_LAST_NAME));
            given().auth()
                    .oauth2(org.apiKey())
                    .queryParam("filter[reference-id]", caseId)
                    .get("/persona/api/v1/inquiries")
                    .then()
                    .body("data.size()", equalTo(1))
                    .body("data[0].attributes.fields.'business-name'", equalTo("Acme Widgets GmbH"));
        }
    }

    @Test
    void everyoneVerifiedVerifiesTheBusinessAndALaterDeclineDowngradesIt() {
        TestOrg org = KybScenario.org("none");
        String representative = "rep-" + UUID.randomUUID();
        try (KybScenario.Events events = new KybScenario.Events()) {
            JsonPath started = applied(org, representative, "HRB-" + UUID.randomUUID());
            String caseId = started.getString("business_case_id");
            String inquiry = started.getString("provider_reference");
            actInSession(inquiry, started.getString("session_token"), "complete");
            actAtLink(started.getString("owners[0].verification_link"), "complete");
            actAtLink(started.getString("owners[1].verification_link"), "complete");
            JsonPath verified = awaitStatus(org, representative, caseId, "verified");
            assertThat(verified.getList("owners.kyc_status", String.class)).containsExactly("verified", "verified");
            org.user(representative)
                    .get("/compliance/kyb/me")
                    .then()
                    .statusCode(200)
                    .body("items.business_case_id", hasItem(caseId));

            // Persona's reviewers withdraw the business's approval: the business is rejected, announced once more.
            given().auth()
                    .oauth2(org.apiKey())
                    .contentType("application/json")
                    .body("{}")
                    .post("/persona/api/v1/inquiries/" + inquiry + "/decline")
                    .then()
                    .statusCode(200);
            JsonPath rejected = awaitStatus(org, representative, caseId, "rejected");
            assertThat(rejected.getString("reason")).isEqualTo("kyb.business-rejected");

            List<KybScenario.Events.Event> announced = events.until(caseId, list -> list.size() >= 3);
            announced = events.settle(caseId, Duration.ofSeconds(2));
            assertThat(announced)
                    .extracting(event -> event.data().path("status").asText(null))
                    .containsExactly(null, "verified", "rejected");
            assertThat(announced.get(2).data().path("previous_status").asText()).isEqualTo("verified");
            assertThat(announced.get(2).data().path("reason").asText()).isEqualTo("kyb.business-rejected");
        }
    }

    @Test
    void aBusinessInReviewIsApprovedByAReviewerOnceItsOwnersAreVerified() {
        TestOrg org = KybScenario.org("needs-review");
        String representative = "rep-" + UUID.randomUUID();
        JsonPath started = applied(org, representative, "HRB-" + UUID.randomUUID());
        String caseId = started.getString("business_case_id");
        actInSession(started.getString("provider_reference"), started.getString("session_token"), "complete");
        awaitStatus(org, representative, caseId, "review");
        org.admin()
                .queryParam("status", "review")
                .get("/orgs/" + org.id() + "/kyb/cases")
                .then()
                .statusCode(200)
                .body("items.business_case_id", hasItem(caseId))
                .body("total", equalTo(1));

        // The owners' own reviews come out verified: the business still awaits its reviewer.
        for (int position = 1; position <= 2; position++) {
            actAtLink(started.getString("owners[" + (position - 1) + "].verification_link"), "complete");
            awaitOwner(org, representative, caseId, position, "review");
            org.admin()
                    .body(Map.of("decision", "approve", "reason", "owner_ok"))
                    .post("/orgs/" + org.id() + "/kyc/cases/"
                            + started.getString("owners[" + (position - 1) + "].kyc_case_id") + "/decision")
                    .then()
                    .statusCode(200);
        }
        awaitOwner(org, representative, caseId, 2, "verified");
        org.user(representative).get("/compliance/kyb/" + caseId).then().body("status", equalTo("review"));

        org.admin()
                .body(Map.of("decision", "approve", "reason", "registry_ok"))
                .post("/orgs/" + org.id() + "/kyb/cases/" + caseId + "/decision")
                .then()
                .statusCode(200)
                .body("status", equalTo("verified"))
                .body("reason", equalTo("registry_ok"))
                .body("decided_by", equalTo("admin-of-" + org.id()));
        given().auth()
                .oauth2(org.apiKey())
                .get("/persona/api/v1/inquiries/" + started.getString("provider_reference"))
                .then()
                .body("data.attributes.status", equalTo("approved"));
        org.admin()
                .body(Map.of("decision", "decline", "reason", "changed_mind"))
                .post("/orgs/" + org.id() + "/kyb/cases/" + caseId + "/decision")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://attest.dev/problems/case-not-in-review"));
    }

    @Test
    void aRetriedApplicationReturnsTheSameCaseWithOneInquiryEach() {
        TestOrg org = KybScenario.org("none");
        String representative = "rep-" + UUID.randomUUID();
        String registration = "HRB-" + UUID.randomUUID();
        JsonPath first = applied(org, representative, registration);
        JsonPath again = applied(org, representative, registration);
        assertThat(again.getString("business_case_id")).isEqualTo(first.getString("business_case_id"));
        assertThat(again.getString("provider_reference")).isEqualTo(first.getString("provider_reference"));
        assertThat(again.getList("owners.kyc_case_id")).isEqualTo(first.getList("owners.kyc_case_id"));
        assertThat(again.getString("session_token")).isNotBlank();
        assertThat(again.getString("owners[0].verification_link"))
                .isNotEqualTo(first.getString("owners[0].verification_link"));
        // Three inquiries in all at Persona: the business's and one per owner.
        given().auth()
                .oauth2(org.apiKey())
                .queryParam("page[size]", 100)
                .get("/persona/api/v1/inquiries")
                .then()
                .body("data.size()", equalTo(3));
        TestDatabase sql = new TestDatabase(dataSource);
        assertThat(sql.count("select count(*) from business_case where org_id = ?", org.id()))
                .isEqualTo(1);
        assertThat(sql.count("select count(*) from kyc_case where org_id = ?", org.id()))
                .isEqualTo(2);

        // Another representative cannot open the same company again in the project.
        KybScenario.apply(org, "rep-" + UUID.randomUUID(), KybScenario.application(registration))
                .then()
                .statusCode(409)
                .body("type", equalTo("https://attest.dev/problems/kyb-case-exists"));
    }

    @Test
    void aUsedOneTimeLinkOpensNothingAndAFreshOneIsGiven() {
        TestOrg org = KybScenario.org("none");
        String representative = "rep-" + UUID.randomUUID();
        JsonPath started = applied(org, representative, "HRB-" + UUID.randomUUID());
        String caseId = started.getString("business_case_id");
        String link = started.getString("owners[0].verification_link");
        given().urlEncodingEnabled(false).get(link).then().statusCode(200);
        given().urlEncodingEnabled(false).get(link).then().statusCode(404);
        String ownerId = started.getString("owners[0].owner_id");
        String fresh = org.user(representative)
                .post("/compliance/kyb/" + caseId + "/owners/" + ownerId + "/link")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("verification_link");
        actAtLink(fresh, "complete");
        awaitOwner(org, representative, caseId, 1, "verified");
        org.user(representative)
                .post("/compliance/kyb/" + caseId + "/owners/" + ownerId + "/link")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://attest.dev/problems/owner-not-pending"));
    }
}
