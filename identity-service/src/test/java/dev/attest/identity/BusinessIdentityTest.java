package dev.attest.identity;

import static dev.attest.identity.support.IdentityEventsRead.await;
import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.common.security.Roles;
import dev.attest.contracts.EventTypes;
import dev.attest.identity.client.ClaimSigning;
import dev.attest.identity.client.ContractCalls;
import dev.attest.identity.service.PlatformContracts;
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
import java.math.BigInteger;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

/** A verified business's identity holds a KYB claim under its own topic, revoked when the business is downgraded. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class BusinessIdentityTest {
    /** attest.identity.kyb-topic's default; the KYC topic is 1. */
    private static final BigInteger KYB = BigInteger.valueOf(1001);

    private static final BigInteger KYC = BigInteger.ONE;

    @Inject
    PlatformContracts contracts;

    @Inject
    AgroalDataSource dataSource;

    private TestEvents events;
    private TestDatabase db;
    private final String org = "org-" + UUID.randomUUID();
    private final String businessCase = UUID.randomUUID().toString();
    private final String subject = "business:" + businessCase;

    @BeforeEach
    void connect() {
        events = new TestEvents();
        db = new TestDatabase(dataSource);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void aVerifiedBusinessGetsOneIdentityWithAValidKybClaimThatADowngradeRevokes() {
        String wallet = TestChain.newWallet();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        events.businessWalletProvisioned(first, org, businessCase, wallet);
        events.businessWalletProvisioned(first, org, businessCase, wallet); // redelivered
        events.businessWalletProvisioned(second, org, businessCase, wallet); // the same news again

        JsonNode issued =
                await(key()::equals, EventTypes.Identity.CLAIM_ISSUED, 1).get(0);
        assertThat(issued.get("subject").asText()).isEqualTo("business");
        assertThat(issued.get("user_id").asText()).isEqualTo(subject);
        assertThat(issued.get("kyc_case_id").asText()).isEqualTo(businessCase);
        assertThat(issued.get("topic").asInt()).isEqualTo(KYB.intValue());

        PlatformContracts.Addresses platform = contracts.addresses().orElseThrow();
        String identity = TestChain.identityOf(platform.idFactory(), wallet);
        assertThat(issued.get("identity_address").asText()).isEqualToIgnoringCase(identity);
        byte[] claimId = ClaimSigning.claimId(platform.claimIssuer(), KYB);
        assertThat(issued.get("claim_id").asText()).isEqualTo(Numeric.toHexString(claimId));
        // On chain: the identity holds the issuer's claim under the KYB topic, valid; no KYC claim.
        assertThat(TestChain.view(identity, ContractCalls.getClaim(claimId))
                        .get(0)
                        .getValue())
                .isEqualTo(KYB);
        assertThat(TestChain.claimValid(identity, platform.claimIssuer(), KYB, claimId))
                .isTrue();
        assertThat(TestChain.claimValid(
                        identity, platform.claimIssuer(), KYC, ClaimSigning.claimId(platform.claimIssuer(), KYC)))
                .isFalse();
        // The business's wallet manages its identity, as a user's does; ERC-3643 registries trust the issuer for KYB.
        assertThat(TestChain.isTrue(
                        identity, ContractCalls.keyHasPurpose(ClaimSigning.keyOf(wallet), ContractCalls.MANAGEMENT)))
                .isTrue();
        assertThat(TestChain.isTrue(
                        platform.trustedIssuersRegistry(), ContractCalls.hasClaimTopic(platform.claimIssuer(), KYB)))
                .isTrue();

        // Every delivery handled: still one identity and one claim.
        waitFor("both wallet events handled")
                .until(() ->
                        db.count("select count(*) from attest_inbox where event_id in (?, ?)", first, second) == 2);
        assertThat(db.count("select count(*) from identities where org_id = ? and user_id = ?", org, subject))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from claims where org_id = ? and user_id = ?", org, subject))
                .isEqualTo(1);

        // The read API answers for the business's wallet and the KYB topic, from the chain.
        verify(wallet, KYB).body("valid", equalTo(true)).body("identity_address", equalToIgnoringCase(identity));
        given().auth()
                .oauth2(GatewayTokens.user(org, "admin-1", Roles.ORG_ADMIN))
                .get("/identities/" + subject)
                .then()
                .statusCode(200)
                .body("subject", equalTo("business"))
                .body("claims[0].topic", equalTo(KYB.intValue()))
                .body("claims[0].status", equalTo("issued"));

        events.businessStatusChanged(org, businessCase, "rejected");

        JsonNode revoked =
                await(key()::equals, EventTypes.Identity.CLAIM_REVOKED, 1).get(0);
        assertThat(revoked.get("subject").asText()).isEqualTo("business");
        assertThat(revoked.get("topic").asInt()).isEqualTo(KYB.intValue());
        assertThat(revoked.get("claim_id").asText())
                .isEqualTo(issued.get("claim_id").asText());
        assertThat(TestChain.claimValid(identity, platform.claimIssuer(), KYB, claimId))
                .isFalse();
        verify(wallet, KYB).body("valid", equalTo(false));
    }

    @Test
    void aDowngradeThatOvertakesTheWalletEventKeepsTheKybClaimOffTheChain() {
        String wallet = TestChain.newWallet();
        String rejection = events.businessStatusChanged(org, businessCase, "rejected");
        waitFor("the rejection recorded")
                .until(() -> db.count("select count(*) from attest_inbox where event_id = ?", rejection) == 1);

        events.businessWalletProvisioned(UUID.randomUUID().toString(), org, businessCase, wallet);

        JsonNode failed = await(key()::equals, EventTypes.Identity.CLAIM_ISSUANCE_FAILED, 1)
                .get(0);
        assertThat(failed.get("reason").asText()).isEqualTo("kyc-rejected");
        await(key()::equals, EventTypes.Identity.CREATED, 1);
        PlatformContracts.Addresses platform = contracts.addresses().orElseThrow();
        String identity = TestChain.identityOf(platform.idFactory(), wallet);
        assertThat(TestChain.claimValid(
                        identity, platform.claimIssuer(), KYB, ClaimSigning.claimId(platform.claimIssuer(), KYB)))
                .isFalse();
        assertThat(db.count("select count(*) from claims where user_id = ? and tx_hash is not null", subject))
                .isZero();
    }

    private io.restassured.response.ValidatableResponse verify(String wallet, BigInteger topic) {
        return given().auth()
                .oauth2(GatewayTokens.apiKey(org, "project-1", "key-1"))
                .queryParam("wallet", wallet)
                .queryParam("topic", topic.toString())
                .get("/identities/verify")
                .then()
                .statusCode(200);
    }

    private String key() {
        return org + ":" + subject;
    }
}
