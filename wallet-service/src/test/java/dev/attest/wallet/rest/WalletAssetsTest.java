package dev.attest.wallet.rest;

import static dev.attest.testing.Waits.waitFor;
import static dev.attest.wallet.rest.TransferTest.native_;
import static dev.attest.wallet.rest.TransferTest.newAddress;
import static dev.attest.wallet.rest.TransferTest.status;
import static dev.attest.wallet.rest.TransferTest.transfer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.common.events.Topics;
import dev.attest.evm.EvmNodes;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TopicReader;
import dev.attest.wallet.support.DfnsAccount;
import dev.attest.wallet.support.KycEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;

/** {@code GET /wallets/{wallet_id}/assets}: the owner's balances, from Dfns (the sandbox reads the chain). */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class WalletAssetsTest {
    private KycEvents kyc;

    @BeforeEach
    void connect() {
        kyc = new KycEvents();
    }

    @AfterEach
    void disconnect() {
        kyc.close();
        given().delete("/dfns/_sandbox/faults").then().statusCode(204);
    }

    @Test
    void theOwnerSeesTheNativeBalanceTheChainHoldsBeforeAndAfterATransfer() throws Exception {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String user = "user-" + UUID.randomUUID();
        JsonNode me = provision(org, user);
        String walletId = me.get("wallet_id").asText();
        String address = me.get("address").asText();

        assets(org.user(user), walletId)
                .statusCode(200)
                .contentType("application/json")
                .body("wallet_id", equalTo(walletId))
                .body("network", equalTo("Ethereum"))
                .body("address", equalTo(address))
                .body("assets.size()", equalTo(1))
                .body("assets[0].kind", equalTo("native"))
                .body("assets[0].symbol", equalTo("ETH"))
                .body("assets[0].decimals", equalTo(18))
                .body("assets[0].verified", equalTo(true))
                .body("assets[0].contract", nullValue())
                .body("assets[0].balance", equalTo(chainBalance(address).toString()));

        String transferId = transfer(org, user, walletId, "assets-1", native_(newAddress(), "4242"))
                .statusCode(202)
                .extract()
                .path("transfer_id");
        waitFor("transfer " + transferId + " confirmed")
                .untilAsserted(() ->
                        assertThat(status(org, user, walletId, transferId)).isEqualTo("confirmed"));

        String after =
                assets(org.user(user), walletId).statusCode(200).extract().path("assets[0].balance");
        assertThat(after).isEqualTo(chainBalance(address).toString());
        assertThat(new BigInteger(after))
                .isLessThan(new BigInteger("1000000000000000000").subtract(BigInteger.valueOf(4242)));
    }

    @Test
    void anotherUsersWalletAndAnUnknownOneAreNotFound() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        DfnsAccount otherOrg = DfnsAccount.register("EC").configure();
        String user = "user-" + UUID.randomUUID();
        String walletId = provision(org, user).get("wallet_id").asText();

        for (String token : List.of(org.user("user-" + UUID.randomUUID()), otherOrg.user(user))) {
            assets(token, walletId)
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://attest.dev/problems/not-found"));
        }
        assets(org.user(user), UUID.randomUUID().toString()).statusCode(404);
        assets(org.user(user), "not-a-wallet-id").statusCode(404).contentType("application/problem+json");
        given().get("/wallets/" + walletId + "/assets").then().statusCode(401);
    }

    @Test
    void aWalletNotProvisionedHasNoBalancesYet() {
        String orgId = "org-unconfigured-" + UUID.randomUUID();
        String user = "user-" + UUID.randomUUID();
        String token = GatewayTokens.user(orgId, user, "user");
        kyc.statusChanged(orgId, user, "case-assets", "verified");
        waitFor("the wallet's provisioning failed").untilAsserted(() -> assertThat(given().auth()
                        .oauth2(token)
                        .get("/wallets/me")
                        .then()
                        .extract()
                        .<String>path("status"))
                .isEqualTo("failed"));
        String walletId =
                given().auth().oauth2(token).get("/wallets/me").then().extract().path("wallet_id");

        assets(token, walletId)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://attest.dev/problems/wallet-not-active"));
    }

    @Test
    void whenDfnsDoesNotAnswerTheBalancesAre503AndTheWalletItselfStillAnswers() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String user = "user-" + UUID.randomUUID();
        String walletId = provision(org, user).get("wallet_id").asText();
        // More failures than the client's retries.
        given().body("{\"kind\":\"server-error\",\"status\":503,\"count\":10,\"pathContains\":\"/assets\"}")
                .post("/dfns/_sandbox/faults")
                .then()
                .statusCode(204);

        assets(org.user(user), walletId)
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://attest.dev/problems/dfns-unavailable"));
        given().auth()
                .oauth2(org.user(user))
                .get("/wallets/me")
                .then()
                .statusCode(200)
                .body("status", equalTo("provisioned"))
                .body("wallet_id", equalTo(walletId));
    }

    @Test
    void aBriefDfnsOutageIsRetriedAway() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String user = "user-" + UUID.randomUUID();
        String walletId = provision(org, user).get("wallet_id").asText();
        given().body("{\"kind\":\"server-error\",\"status\":502,\"count\":2,\"pathContains\":\"/assets\"}")
                .post("/dfns/_sandbox/faults")
                .then()
                .statusCode(204);

        assets(org.user(user), walletId).statusCode(200).body("assets[0].kind", equalTo("native"));
    }

    @Test
    void refusedCredentialsAre502AndAlertTheOrgsAdmins() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String user = "user-" + UUID.randomUUID();
        String walletId = provision(org, user).get("wallet_id").asText();
        org.configure(Map.of("token", "revoked-token"));

        try (TopicReader events = TopicReader.of(Topics.WALLET)) {
            String body = assets(org.user(user), walletId)
                    .statusCode(502)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://attest.dev/problems/dfns-refused"))
                    .extract()
                    .asString();
            assertThat(body).doesNotContain("revoked-token");

            List<JsonNode> alerts = WalletProvisioningTest.ofType(
                    events.readUntil(
                            r -> !WalletProvisioningTest.ofType(
                                            r, org.orgId, "attest.wallet.provider-credentials-rejected.v1")
                                    .isEmpty(),
                            Duration.ofSeconds(20)),
                    org.orgId,
                    "attest.wallet.provider-credentials-rejected.v1");
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).get("operation").asText()).isEqualTo("get-wallet-assets");
            assertThat(alerts.get(0).get("status_code").asInt()).isEqualTo(401);
        }
    }

    private JsonNode provision(DfnsAccount org, String user) {
        kyc.statusChanged(org.orgId, user, "case-1", "verified");
        WalletProvisioningTest.awaitProvisioned(org, user);
        return WalletProvisioningTest.me(org, user);
    }

    static io.restassured.response.ValidatableResponse assets(String token, String walletId) {
        return given().auth()
                .oauth2(token)
                .get("/wallets/" + walletId + "/assets")
                .then();
    }

    private static BigInteger chainBalance(String address) throws Exception {
        Web3j node = EvmNodes.connect(AnvilResource.rpcUrl());
        try {
            return node.ethGetBalance(address, DefaultBlockParameterName.LATEST)
                    .send()
                    .getBalance();
        } finally {
            node.shutdown();
        }
    }
}
