package dev.attest.identity;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.common.security.Roles;
import dev.attest.contracts.EventTypes;
import dev.attest.identity.support.IdentityEventsRead;
import dev.attest.identity.support.TestChain;
import dev.attest.identity.support.TestEvents;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityApiTest {
    private static final String PROBLEM = "application/problem+json";

    private final String org = "org-" + UUID.randomUUID();
    private final String user = "user-" + UUID.randomUUID();
    private final String wallet = TestChain.newWallet();
    private final String caseId = "case-" + UUID.randomUUID();
    private TestEvents events;
    private JsonNode issued;

    @Inject
    AgroalDataSource dataSource;

    private TestDatabase db;

    @BeforeAll
    void issueOneClaim() {
        db = new TestDatabase(dataSource);
        events = new TestEvents();
        events.walletProvisioned(org, user, wallet, caseId);
        issued = IdentityEventsRead.await((org + ":" + user)::equals, EventTypes.Identity.CLAIM_ISSUED, 1)
                .get(0);
    }

    @AfterAll
    void disconnect() {
        events.close();
    }

    private List<Object> walletsOf(String owner) {
        return given().auth()
                .oauth2(GatewayTokens.user(org, owner, Roles.USER))
                .when()
                .get("/identities/me")
                .jsonPath()
                .getList("wallets");
    }

    @Test
    void aUserSeesTheirIdentityWalletAndIssuedClaim() {
        given().auth()
                .oauth2(GatewayTokens.user(org, user, Roles.USER))
                .when()
                .get("/identities/me")
                .then()
                .statusCode(200)
                .body("user_id", equalTo(user))
                .body("status", equalTo("ready"))
                .body(
                        "identity_address",
                        equalToIgnoringCase(issued.get("identity_address").asText()))
                .body("wallets", hasSize(1))
                .body("wallets[0]", equalToIgnoringCase(wallet))
                .body("claims", hasSize(1))
                .body("claims[0].topic", equalTo(1))
                .body("claims[0].status", equalTo("issued"))
                .body("claims[0].kyc_case_id", equalTo(caseId))
                .body("claims[0].claim_id", equalTo(issued.get("claim_id").asText()))
                .body("claims[0].tx_hash", equalTo(issued.get("tx_hash").asText()));
    }

    @Test
    void anOrgAdminSeesTheirUsersIdentity() {
        given().auth()
                .oauth2(GatewayTokens.user(org, "admin-1", Roles.ORG_ADMIN))
                .when()
                .get("/identities/{user}", user)
                .then()
                .statusCode(200)
                .body("user_id", equalTo(user))
                .body("claims[0].status", equalTo("issued"));
    }

    @Test
    void aUserCannotSeeAnotherUsersIdentity() {
        given().auth()
                .oauth2(GatewayTokens.user(org, "someone-else", Roles.USER))
                .when()
                .get("/identities/{user}", user)
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
    }

    @Test
    void anotherOrganizationFindsNothing() {
        given().auth()
                .oauth2(GatewayTokens.user("other-org", "admin-2", Roles.ORG_ADMIN))
                .when()
                .get("/identities/{user}", user)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(GatewayTokens.user("other-org", user, Roles.USER))
                .when()
                .get("/identities/me")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void verifyAnswersFromTheChainThatTheWalletHoldsAValidKycClaim() {
        given().auth()
                .oauth2(GatewayTokens.apiKey(org, "project-1", "key-1"))
                .queryParam("wallet", wallet)
                .queryParam("topic", "1")
                .when()
                .get("/identities/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body(
                        "identity_address",
                        equalToIgnoringCase(issued.get("identity_address").asText()))
                .body("claim_id", equalTo(issued.get("claim_id").asText()))
                // the claim as the identity holds it: a 65-byte ECDSA signature and its data, for isClaimValid
                .body("claim_signature", matchesPattern("^0x[0-9a-f]{130}$"))
                .body("claim_data", matchesPattern("^0x([0-9a-f]{2})*$"));
    }

    @Test
    void verifyAnswersFalseForAnotherTopicAndForAWalletWithoutIdentity() {
        given().auth()
                .oauth2(GatewayTokens.user(org, user, Roles.USER))
                .queryParam("wallet", wallet)
                .queryParam("topic", "2")
                .when()
                .get("/identities/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("claim_signature", equalTo(null));
        given().auth()
                .oauth2(GatewayTokens.user(org, user, Roles.USER))
                .queryParam("wallet", TestChain.newWallet())
                .queryParam("topic", "1")
                .when()
                .get("/identities/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("identity_address", equalTo(null));
    }

    @Test
    void verifyRefusesBadInputWithAProblem() {
        given().auth()
                .oauth2(GatewayTokens.user(org, user, Roles.USER))
                .queryParam("wallet", "0x1234")
                .queryParam("topic", "1")
                .when()
                .get("/identities/verify")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", startsWith("https://"))
                .body("detail", startsWith("wallet"));
        given().auth()
                .oauth2(GatewayTokens.user(org, user, Roles.USER))
                .queryParam("wallet", wallet)
                .queryParam("topic", "-1")
                .when()
                .get("/identities/verify")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("detail", startsWith("topic"));
    }

    @Test
    void aUsersSecondWalletIsLinkedToTheirIdentityAndVerifiesLikeTheFirst() {
        String owner = "user-" + UUID.randomUUID();
        String first = TestChain.newWallet();
        String second = TestChain.newWallet();
        String ownerCase = "case-" + UUID.randomUUID();
        events.walletProvisioned(org, owner, first, ownerCase);
        String identity = IdentityEventsRead.await((org + ":" + owner)::equals, EventTypes.Identity.CLAIM_ISSUED, 1)
                .get(0)
                .get("identity_address")
                .asText();

        events.walletProvisioned(org, owner, second, ownerCase);

        waitFor("the second wallet listed").until(() -> walletsOf(owner).size() == 2);
        given().auth()
                .oauth2(GatewayTokens.user(org, "admin-1", Roles.ORG_ADMIN))
                .when()
                .get("/identities/{user}", owner)
                .then()
                .statusCode(200)
                .body("identity_address", equalToIgnoringCase(identity))
                .body("wallets[0]", equalToIgnoringCase(first))
                .body("wallets[1]", equalToIgnoringCase(second));
        for (String wallet : List.of(first, second)) {
            given().auth()
                    .oauth2(GatewayTokens.apiKey(org, "project-1", "key-1"))
                    .queryParam("wallet", wallet)
                    .queryParam("topic", "1")
                    .when()
                    .get("/identities/verify")
                    .then()
                    .statusCode(200)
                    .body("valid", equalTo(true))
                    .body("identity_address", equalToIgnoringCase(identity))
                    .body("wallet_link", equalTo(wallet.equals(first) ? "factory" : "attest-records"));
        }
        // Still one identity, deployed once.
        assertThat(db.count("select count(*) from identities where user_id = ?", owner))
                .isEqualTo(1);
        assertThat(IdentityEventsRead.readFor(
                        (org + ":" + owner)::equals, EventTypes.Identity.CREATED, Duration.ofSeconds(2)))
                .hasSize(1);
    }

    @Test
    void callsWithoutTheGatewaysTokenAreRefused() {
        given().when().get("/identities/me").then().statusCode(401).contentType(PROBLEM);
        given().auth()
                .oauth2(GatewayTokens.forged(org, user, Roles.USER))
                .when()
                .get("/identities/me")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
    }
}
