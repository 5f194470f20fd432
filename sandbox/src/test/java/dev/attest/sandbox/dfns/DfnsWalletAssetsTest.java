package dev.attest.sandbox.dfns;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.attest.evm.EvmNodes;
import dev.attest.sandbox.support.TestToken;
import dev.attest.testing.AnvilResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/** {@code GET /dfns/wallets/{walletId}/assets}: Dfns's asset listing, balances read from the EVM node. */
@QuarkusTest
@WithTestResource(AnvilResource.class)
class DfnsWalletAssetsTest {
    // The test mnemonic's deterministic account 1 (public, test-only): apart from the sandbox's faucet (account 0).
    private static final String DEPLOYER_KEY = "0x6cbed15c793ce57650b9877cf6fa156fbef513c4e6134f022a85b1ffdd59b2a1";
    private static final String RECIPIENT = "0x" + "cd".repeat(20);

    private static Web3j node;

    @BeforeAll
    static void connect() {
        node = EvmNodes.connect(AnvilResource.rpcUrl());
    }

    @AfterAll
    static void disconnect() {
        node.shutdown();
    }

    @AfterEach
    void clearFaults() {
        given().delete("/dfns/_sandbox/faults").then().statusCode(204);
    }

    @Test
    void theNativeBalanceIsTheNodesAndFollowsATransfer() throws Exception {
        SigningClient client = SigningClient.register("EC");
        Map<String, Object> wallet = newWallet(client, "Ethereum");
        String path = "/dfns/wallets/" + wallet.get("id") + "/assets";

        client.get(path)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("walletId", equalTo(wallet.get("id")))
                .body("network", equalTo("Ethereum"))
                .body("assets.size()", equalTo(1))
                .body("assets[0].kind", equalTo("Native"))
                .body("assets[0].symbol", equalTo("ETH"))
                .body("assets[0].decimals", equalTo(18))
                .body("assets[0].verified", equalTo(true))
                .body("assets[0].balance", equalTo(nodeBalance(wallet)));
        // The faucet's credit: a new wallet holds 1 ETH.
        assertThat(nodeBalance(wallet)).isEqualTo("1000000000000000000");

        String transfers = "/dfns/wallets/" + wallet.get("id") + "/transfers";
        String id = client.post(transfers, "{\"kind\":\"Native\",\"to\":\"" + RECIPIENT + "\",\"amount\":\"1000\"}")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        awaitConfirmed(client, transfers + "/" + id);

        String after = client.get(path).then().statusCode(200).extract().path("assets[0].balance");
        assertThat(after).isEqualTo(nodeBalance(wallet));
        assertThat(new BigInteger(after))
                .isLessThan(new BigInteger("1000000000000000000").subtract(BigInteger.valueOf(1000)));
    }

    @Test
    void polygonsNativeAssetIsPol() {
        SigningClient client = SigningClient.register("Ed25519");
        Map<String, Object> wallet = newWallet(client, "PolygonAmoy");
        client.get("/dfns/wallets/" + wallet.get("id") + "/assets")
                .then()
                .statusCode(200)
                .body("network", equalTo("PolygonAmoy"))
                .body("assets[0].symbol", equalTo("POL"));
    }

    @Test
    void anErc20TheWalletReceivedIsListedWithItsBalanceSymbolAndDecimals() throws Exception {
        SigningClient client = SigningClient.register("RSA");
        Map<String, Object> wallet = newWallet(client, "Ethereum");
        String path = "/dfns/wallets/" + wallet.get("id") + "/assets";
        // Asked once before the token exists: discovery then goes on from where it stopped.
        client.get(path).then().statusCode(200).body("assets.size()", equalTo(1));

        String token =
                deploy(TestToken.creationCode((String) wallet.get("address"), BigInteger.valueOf(1_234_567), "TST", 6));
        // A token minted to someone else is not the wallet's.
        deploy(TestToken.creationCode(RECIPIENT, BigInteger.TEN, "OTH", 2));

        client.get(path)
                .then()
                .statusCode(200)
                .body("assets.size()", equalTo(2))
                .body("assets[0].kind", equalTo("Native"))
                .body("assets[1].kind", equalTo("Erc20"))
                .body("assets[1].contract", equalTo(token.toLowerCase()))
                .body("assets[1].symbol", equalTo("TST"))
                .body("assets[1].decimals", equalTo(6))
                .body("assets[1].verified", equalTo(false))
                .body("assets[1].balance", equalTo("1234567"));
    }

    @Test
    void theListingIsAuthenticatedLikeEveryDfnsCallAndScopedToTheOrg() {
        SigningClient owner = SigningClient.register("EC");
        SigningClient other = SigningClient.register("EC");
        String path = "/dfns/wallets/" + newWallet(owner, "Ethereum").get("id") + "/assets";

        given().get(path)
                .then()
                .statusCode(401)
                .body("error.status", equalTo(401))
                .body("error.message", startsWith("Authorization"));
        given().header("Authorization", "Bearer not-a-token").get(path).then().statusCode(401);
        other.get(path).then().statusCode(404).body("error.status", equalTo(404));
        owner.get("/dfns/wallets/wa-unknown/assets").then().statusCode(404);
    }

    @Test
    void aScriptedServerErrorIsAnsweredInDfnsFormat() {
        SigningClient client = SigningClient.register("EC");
        String path = "/dfns/wallets/" + newWallet(client, "Ethereum").get("id") + "/assets";
        given().body("{\"kind\":\"server-error\",\"status\":503,\"pathContains\":\"/assets\"}")
                .post("/dfns/_sandbox/faults")
                .then()
                .statusCode(204);

        client.get(path).then().statusCode(503).body("error.status", equalTo(503));
        client.get(path).then().statusCode(200);
    }

    private static Map<String, Object> newWallet(SigningClient client, String network) {
        return client.post("/dfns/wallets", "{\"network\":\"" + network + "\"}")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    private static String nodeBalance(Map<String, Object> wallet) throws Exception {
        return node.ethGetBalance((String) wallet.get("address"), DefaultBlockParameterName.LATEST)
                .send()
                .getBalance()
                .toString();
    }

    private static String deploy(String creationCode) throws Exception {
        long chainId = node.ethChainId().send().getChainId().longValue();
        var manager = new RawTransactionManager(node, Credentials.create(DEPLOYER_KEY), chainId);
        var sent = manager.sendTransaction(
                node.ethGasPrice().send().getGasPrice(),
                BigInteger.valueOf(500_000),
                null,
                creationCode,
                BigInteger.ZERO);
        assertThat(sent.hasError())
                .as(
                        "deployment: %s",
                        sent.getError() == null ? "" : sent.getError().getMessage())
                .isFalse();
        TransactionReceipt receipt = new PollingTransactionReceiptProcessor(node, 200, 100)
                .waitForTransactionReceipt(sent.getTransactionHash());
        assertThat(receipt.isStatusOK()).isTrue();
        return receipt.getContractAddress();
    }

    private static void awaitConfirmed(SigningClient client, String path) {
        String status = waitFor("the transfer settled")
                .until(
                        () -> client.get(path).then().statusCode(200).extract().<String>path("status"),
                        settled -> "Confirmed".equals(settled) || "Failed".equals(settled));
        assertThat(status).isEqualTo("Confirmed");
    }
}
