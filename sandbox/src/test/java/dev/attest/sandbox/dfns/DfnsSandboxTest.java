package dev.attest.sandbox.dfns;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.evm.EvmNodes;
import dev.attest.testing.AnvilResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigInteger;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;

@QuarkusTest
@WithTestResource(AnvilResource.class)
class DfnsSandboxTest {
    private static final String RECIPIENT = "0x" + "ab".repeat(20);

    @AfterEach
    void clearFaults() {
        given().delete("/dfns/_sandbox/faults").then().statusCode(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EC", "Ed25519", "RSA"})
    void walletIsCreatedWithAUserActionSignedByEachCredentialKind(String algorithm) {
        SigningClient client = SigningClient.register(algorithm);
        String body = "{\"network\":\"Ethereum\",\"name\":\"w\",\"externalId\":\"" + UUID.randomUUID() + "\"}";

        client.post("/dfns/wallets", body)
                .then()
                .statusCode(200)
                .body("id", startsWith("wa-"))
                .body("network", equalTo("Ethereum"))
                .body("address", startsWith("0x"))
                .body("signingKey.curve", equalTo("secp256k1"))
                .body("status", equalTo("Active"));
    }

    @Test
    void aWriteWithoutUserActionOrWithoutTokenIsRefusedInDfnsErrorFormat() {
        SigningClient client = SigningClient.register("EC");
        given().header("Authorization", "Bearer " + client.token)
                .body("{\"network\":\"Ethereum\"}")
                .post("/dfns/wallets")
                .then()
                .statusCode(401)
                .body("error.status", equalTo(401))
                .body("error.message", startsWith("x-dfns-useraction"));
        given().get("/dfns/wallets").then().statusCode(401).body("error.message", startsWith("Authorization"));
    }

    @Test
    void aUserActionTokenIsSingleUseAndBoundToItsBody() {
        SigningClient client = SigningClient.register("EC");
        String body = "{\"network\":\"Ethereum\"}";
        String action = client.userAction("/dfns/wallets", body);

        client.postWithAction("/dfns/wallets", "{\"network\":\"Polygon\"}", action)
                .then()
                .statusCode(401)
                .body("error.message", equalTo("User action was signed for another request"));
        String second = client.userAction("/dfns/wallets", body);
        client.postWithAction("/dfns/wallets", body, second).then().statusCode(200);
        client.postWithAction("/dfns/wallets", body, second).then().statusCode(401);
    }

    @Test
    void aSignatureByAnUnregisteredKeyIsRefused() {
        SigningClient client = SigningClient.register("EC");
        SigningClient impostor = new SigningClientWithForeignKey(client).client();
        given().header("Authorization", "Bearer " + client.token)
                .get("/dfns/wallets")
                .then()
                .statusCode(200);
        try {
            impostor.userAction("/dfns/wallets", "{\"network\":\"Ethereum\"}");
            throw new AssertionError("a foreign key's signature was accepted");
        } catch (AssertionError expected) {
            assertThat(expected.getMessage()).contains("401");
        }
    }

    @Test
    void aPathSignedFromTheDfnsApiRootIsAcceptedAsTheSdkSignsIt() {
        SigningClient client = SigningClient.register("EC");
        String body = "{\"network\":\"Ethereum\"}";
        String action = client.userAction("/wallets", body);
        client.postWithAction("/dfns/wallets", body, action).then().statusCode(200);
        String other = client.userAction("/webhooks", body);
        client.postWithAction("/dfns/wallets", body, other).then().statusCode(401);
    }

    @Test
    void sameExternalIdAnswersTheSameWalletAndAnotherBodyConflicts() {
        SigningClient client = SigningClient.register("EC");
        String externalId = UUID.randomUUID().toString();
        String body = "{\"network\":\"Ethereum\",\"externalId\":\"" + externalId + "\"}";
        String first = client.post("/dfns/wallets", body)
                .then()
                .statusCode(200)
                .extract()
                .path("id");

        client.post("/dfns/wallets", body).then().statusCode(200).body("id", equalTo(first));
        client.post("/dfns/wallets", "{\"network\":\"Polygon\",\"externalId\":\"" + externalId + "\"}")
                .then()
                .statusCode(409)
                .body("error.details.duplicate.id", equalTo(first));
    }

    @Test
    void anotherOrgsWalletIsNotFound() {
        SigningClient owner = SigningClient.register("EC");
        SigningClient other = SigningClient.register("EC");
        String id = owner.post("/dfns/wallets", "{\"network\":\"Ethereum\"}")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        other.get("/dfns/wallets/" + id).then().statusCode(404).body("error.status", equalTo(404));
        other.get("/dfns/wallets").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void walletsArePaged() {
        SigningClient client = SigningClient.register("EC");
        for (int i = 0; i < 3; i++) {
            client.post("/dfns/wallets", "{\"network\":\"Ethereum\"}").then().statusCode(200);
        }
        String next = client.get("/dfns/wallets?limit=2")
                .then()
                .body("items.size()", equalTo(2))
                .extract()
                .path("nextPageToken");
        client.get("/dfns/wallets?limit=2&paginationToken=" + next)
                .then()
                .body("items.size()", equalTo(1))
                .body("nextPageToken", equalTo(null));
    }

    @Test
    void aNativeTransferIsBroadcastAndConfirmedFromTheMinedReceipt() throws Exception {
        SigningClient client = SigningClient.register("EC");
        String walletId = client.post("/dfns/wallets", "{\"network\":\"Ethereum\"}")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        String recipient = "0x" + UUID.randomUUID().toString().replace("-", "").substring(0, 32) + "00000000";
        String body = "{\"kind\":\"Native\",\"to\":\"" + recipient + "\",\"amount\":\"12345\",\"externalId\":\"x1\"}";
        String path = "/dfns/wallets/" + walletId + "/transfers";

        String transferId =
                client.post(path, body).then().statusCode(200).extract().path("id");
        client.post(path, body).then().statusCode(200).body("id", equalTo(transferId));

        String status = awaitStatus(client, path + "/" + transferId, "Confirmed");
        assertThat(status).isEqualTo("Confirmed");
        Web3j node = EvmNodes.connect(AnvilResource.rpcUrl());
        BigInteger balance = node.ethGetBalance(recipient, DefaultBlockParameterName.LATEST)
                .send()
                .getBalance();
        assertThat(balance).isEqualTo(BigInteger.valueOf(12345));
        node.shutdown();
    }

    @Test
    void badTransferInputIsRefusedWithNothingCreated() {
        SigningClient client = SigningClient.register("EC");
        String walletId = client.post("/dfns/wallets", "{\"network\":\"Ethereum\"}")
                .then()
                .extract()
                .path("id");
        String path = "/dfns/wallets/" + walletId + "/transfers";
        client.post(path, "{\"kind\":\"Native\",\"to\":\"0x12\",\"amount\":\"1\"}")
                .then()
                .statusCode(400);
        client.post(path, "{\"kind\":\"Native\",\"to\":\"" + RECIPIENT + "\",\"amount\":\"-1\"}")
                .then()
                .statusCode(400);
        client.get(path).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void scriptedPolicyPendingAnswers202AndRejectionEndsTheTransfer() throws Exception {
        SigningClient client = SigningClient.register("EC");
        String walletId = client.post("/dfns/wallets", "{\"network\":\"Ethereum\"}")
                .then()
                .extract()
                .path("id");
        String path = "/dfns/wallets/" + walletId + "/transfers";
        given().body("{\"kind\":\"policy-pending\"}")
                .post("/dfns/_sandbox/faults")
                .then()
                .statusCode(204);

        String id = client.post(path, "{\"kind\":\"Native\",\"to\":\"" + RECIPIENT + "\",\"amount\":\"5\"}")
                .then()
                .statusCode(202)
                .body("status", equalTo("Pending"))
                .extract()
                .path("id");
        given().post("/dfns/_sandbox/wallets/" + walletId + "/transfers/" + id + "/reject")
                .then()
                .statusCode(204);
        client.get(path + "/" + id).then().body("status", equalTo("Rejected"));
    }

    @Test
    void scriptedServerErrorAnswersInDfnsFormatOnce() {
        SigningClient client = SigningClient.register("EC");
        given().body("{\"kind\":\"server-error\",\"status\":503,\"pathContains\":\"/dfns/wallets\"}")
                .post("/dfns/_sandbox/faults")
                .then()
                .statusCode(204);
        client.get("/dfns/wallets").then().statusCode(503).body("error.status", equalTo(503));
        client.get("/dfns/wallets").then().statusCode(200);
    }

    @Test
    void scriptedRejectionAnswers202PendingAndThenRejectsTheTransfer() throws Exception {
        SigningClient client = SigningClient.register("EC");
        String path = "/dfns/wallets/" + newWallet(client) + "/transfers";
        fault("{\"kind\":\"rejection\"}");

        String id = client.post(path, "{\"kind\":\"Native\",\"to\":\"" + RECIPIENT + "\",\"amount\":\"5\"}")
                .then()
                .statusCode(202)
                .body("status", equalTo("Pending"))
                .extract()
                .path("id");
        assertThat(awaitStatus(client, path + "/" + id, "Rejected")).isEqualTo("Rejected");
        client.get(path + "/" + id).then().body("txHash", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void scriptedTimeoutHoldsTheAnswerPastTheClientsPatience() throws Exception {
        SigningClient client = SigningClient.register("EC");
        fault("{\"kind\":\"timeout\",\"delayMs\":3000,\"pathContains\":\"/dfns/wallets\"}");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + "/dfns/wallets"))
                .header("Authorization", "Bearer " + client.token)
                .timeout(Duration.ofMillis(300))
                .build();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
        // The fault was used once: the next call is answered.
        client.get("/dfns/wallets").then().statusCode(200);
    }

    @Test
    void scriptedSlowConfirmationReportsAMinedTransferConfirmedOnlyLater() throws Exception {
        SigningClient client = SigningClient.register("EC");
        String path = "/dfns/wallets/" + newWallet(client) + "/transfers";
        fault("{\"kind\":\"slow-confirmation\",\"delayMs\":8000}");

        String id = client.post(path, "{\"kind\":\"Native\",\"to\":\"" + RECIPIENT + "\",\"amount\":\"7\"}")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        assertThat(awaitStatus(client, path + "/" + id, "Broadcasted")).isEqualTo("Broadcasted");
        String txHash = client.get(path + "/" + id).then().extract().path("txHash");
        Web3j node = EvmNodes.connect(AnvilResource.rpcUrl());
        try {
            // Mined (anvil mines at once), yet still reported Broadcasted until the scripted delay ends.
            assertThat(node.ethGetTransactionReceipt(txHash).send().getTransactionReceipt())
                    .isPresent();
            client.get(path + "/" + id).then().body("status", equalTo("Broadcasted"));
        } finally {
            node.shutdown();
        }
        assertThat(awaitStatus(client, path + "/" + id, "Confirmed")).isEqualTo("Confirmed");
    }

    private static String newWallet(SigningClient client) {
        return client.post("/dfns/wallets", "{\"network\":\"Ethereum\"}")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }

    private static void fault(String body) {
        given().body(body).post("/dfns/_sandbox/faults").then().statusCode(204);
    }

    private static String awaitStatus(SigningClient client, String path, String wanted) {
        return waitFor("the transfer " + wanted + " (or failed)")
                .until(
                        () -> client.get(path).then().statusCode(200).extract().<String>path("status"),
                        status -> wanted.equals(status) || "Failed".equals(status));
    }

    /** The account's token and credential id, but a key that was never registered. */
    private record SigningClientWithForeignKey(SigningClient real) {
        SigningClient client() {
            ObjectNode account = DfnsJson.object()
                    .put("token", real.token)
                    .put("credentialId", real.credentialId)
                    .put("orgId", real.orgId);
            return SigningClient.of(SigningClient.newKeys("EC"), account);
        }
    }
}
