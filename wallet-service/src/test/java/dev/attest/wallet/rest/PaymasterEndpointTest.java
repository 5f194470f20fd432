package dev.attest.wallet.rest;

import static dev.attest.testing.Waits.waitFor;
import static dev.attest.wallet.rest.TransferTest.newAddress;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.BundlerResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TopicReader;
import dev.attest.wallet.aa.AccountCalls;
import dev.attest.wallet.aa.AccountContracts;
import dev.attest.wallet.aa.Bundler;
import dev.attest.wallet.aa.PlatformPaymaster;
import dev.attest.wallet.aa.UserOperation;
import dev.attest.wallet.client.DfnsClient;
import dev.attest.wallet.support.SponsoredUsers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

/**
 * The platform's paymaster as an ERC-7677 service for a project's own application, which builds its user's
 * UserOperation itself: stub data, the bundler's estimate, the approval, the owner's signature (Dfns), the bundler.
 * The EntryPoint refuses the operation when the approval is tampered with; the operation it runs is settled against
 * the project's budget; requests that are not sponsored transfers are refused with JSON-RPC errors, nothing reserved.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(BundlerResource.class)
@WithTestResource(GatewayTokens.class)
class PaymasterEndpointTest {
    private static final BigInteger VALUE = BigInteger.TEN.pow(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AccountContracts contracts;

    @Inject
    Bundler bundler;

    @Inject
    DfnsClient dfns;

    private SponsoredUsers world;
    private String owner;
    private String account;

    @BeforeEach
    void aVerifiedUsersAccount() {
        world = SponsoredUsers.newOrganization();
        world.setPolicy("{\"enabled\":true,\"monthly_budget\":\"1000000000000000000\"}");
        JsonNode me = world.verifiedUser("user-" + UUID.randomUUID());
        owner = me.get("address").asText();
        account = me.path("smart_account").get("address").asText();
        world.fund(account, VALUE);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void anApplicationsOperationIsSponsoredAndATamperedApprovalIsRefusedByTheEntryPoint() {
        String recipient = newAddress();
        UserOperation op = firstOperation(recipient);
        JsonNode stub = call("pm_getPaymasterStubData", op).get("result");
        assertThat(stub.get("paymaster").asText())
                .isEqualToIgnoringCase(BundlerResource.contracts().paymaster());
        assertThat(stub.get("isFinal").asBoolean()).isFalse();
        op.paymaster = stub.get("paymaster").asText();
        op.paymasterData =
                Numeric.hexStringToByteArray(stub.get("paymasterData").asText());
        op.signature = PlatformPaymaster.stubSignature();
        Bundler.GasEstimate gas = bundler.estimate(op);
        op.callGasLimit = gas.callGasLimit();
        op.verificationGasLimit = gas.verificationGasLimit();
        op.preVerificationGas = gas.preVerificationGas();
        op.paymasterVerificationGasLimit = gas.paymasterVerificationGasLimit();
        op.paymasterPostOpGasLimit = gas.paymasterPostOpGasLimit();
        JsonNode approval = call("pm_getPaymasterData", op).get("result");
        op.paymasterData =
                Numeric.hexStringToByteArray(approval.get("paymasterData").asText());
        world.policy().statusCode(200).body("usage.reserved", org.hamcrest.Matchers.not("0"));
        op.signature = ownerSignature(op);
        BigInteger deposit = world.deposit();

        UserOperation tampered = UserOperation.fromRpc(op.toRpc(JSON));
        tampered.paymasterData[tampered.paymasterData.length - 2] ^= 0x01;
        tampered.signature = ownerSignature(tampered);
        Throwable refused = catchThrowable(() -> bundler.send(tampered));
        assertThat(refused).hasMessageContaining("AA34");
        assertThat(world.balance(recipient)).isZero();
        assertThat(world.deposit()).isEqualTo(deposit);

        try (TopicReader events = TopicReader.of(Topics.WALLET)) {
            String userOpHash = bundler.send(op);
            waitFor("the operation settled")
                    .untilAsserted(() ->
                            world.policy().statusCode(200).body("usage.operations", org.hamcrest.Matchers.equalTo(1)));
            assertThat(world.balance(recipient)).isEqualTo(VALUE);
            BigInteger paid = deposit.subtract(world.deposit());
            world.policy()
                    .statusCode(200)
                    .body("usage.spent", org.hamcrest.Matchers.equalTo(paid.toString()))
                    .body("usage.reserved", org.hamcrest.Matchers.equalTo("0"));
            // this operation's event: another test's sponsored operation may settle while this one runs
            Predicate<ConsumerRecord<String, byte[]>> ofThisOperation =
                    r -> EventTypes.Wallet.GAS_SPONSORED.equals(TopicReader.header(r, "ce_type"))
                            && userOpHash.equals(data(r).path("user_op_hash").asText());
            var records = events.readUntil(read -> read.stream().anyMatch(ofThisOperation), Duration.ofSeconds(30));
            List<JsonNode> announced = records.stream()
                    .filter(ofThisOperation)
                    .map(PaymasterEndpointTest::data)
                    .toList();
            assertThat(announced)
                    .as("the operation's gas-sponsored event, once")
                    .hasSize(1);
            JsonNode event = announced.get(0);
            assertThat(event.get("transfer_id").isNull()).isTrue();
            assertThat(event.get("gas_cost").asText()).isEqualTo(paid.toString());
        }
    }

    @Test
    void requestsThatAreNotSponsoredTransfersAreRefusedAndNothingIsReserved() {
        UserOperation op = firstOperation(newAddress());

        UserOperation notATransfer = UserOperation.fromRpc(op.toRpc(JSON));
        notATransfer.callData = Numeric.hexStringToByteArray("0xdeadbeef00");
        assertRefused(call("pm_getPaymasterData", notATransfer), -32602, "call-not-sponsored");

        UserOperation absurd = UserOperation.fromRpc(op.toRpc(JSON));
        absurd.callGasLimit = BigInteger.TWO.pow(100);
        assertRefused(call("pm_getPaymasterData", absurd), -32602, "operation-out-of-bounds");

        UserOperation stranger = UserOperation.fromRpc(op.toRpc(JSON));
        stranger.sender = newAddress();
        assertRefused(call("pm_getPaymasterStubData", stranger), -32602, "unknown-sender");

        ObjectNode wrongEntryPoint = request("pm_getPaymasterData", op);
        wrongEntryPoint.withArray("params").set(1, JSON.getNodeFactory().textNode(newAddress()));
        assertRefused(post(wrongEntryPoint), -32602, "unsupported-entry-point");

        ObjectNode malformed = request("pm_getPaymasterData", op);
        ((ObjectNode) malformed.withArray("params").get(0)).put("maxFeePerGas", "lots");
        assertRefused(post(malformed), -32602, "invalid-user-operation");

        assertRefused(call("eth_sendUserOperation", op), -32601, "method-not-found");
        world.policy().statusCode(200).body("usage.reserved", org.hamcrest.Matchers.equalTo("0"));
    }

    private UserOperation firstOperation(String recipient) {
        UserOperation op = new UserOperation();
        op.sender = account;
        op.nonce = contracts.nonce(account, BigInteger.ZERO);
        op.factory = BundlerResource.contracts().accountFactory();
        op.factoryData = AccountCalls.createAccount(owner);
        op.callData = AccountCalls.execute(new AccountCalls.Movement(recipient, VALUE, Optional.empty()));
        BigInteger gasPrice = contracts.gasPrice();
        op.maxPriorityFeePerGas = gasPrice;
        op.maxFeePerGas = gasPrice.multiply(BigInteger.TWO);
        return op;
    }

    /** The owner's signature of the operation's hash, by Dfns with the custody wallet's key. */
    private byte[] ownerSignature(UserOperation op) {
        byte[] hash = contracts.userOpHash(op);
        return dfns.signMessage(
                world.org.credentials(), world.org.firstProviderWalletId(), hash, "test:" + Numeric.toHexString(hash));
    }

    private JsonNode call(String method, UserOperation op) {
        return post(request(method, op));
    }

    private ObjectNode request(String method, UserOperation op) {
        ObjectNode request =
                JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 7).put("method", method);
        request.putArray("params")
                .add(op.toRpc(JSON))
                .add(BundlerResource.contracts().entryPoint())
                .add(Numeric.toHexStringWithPrefix(BigInteger.valueOf(contracts.chainId())))
                .add(JSON.createObjectNode());
        return request;
    }

    private JsonNode post(ObjectNode request) {
        return SponsoredUsers.read(given().auth()
                .oauth2(world.org.admin())
                .contentType("application/json")
                .body(request.toString())
                .post("/paymaster/" + world.projectId)
                .then()
                .statusCode(200));
    }

    private static void assertRefused(JsonNode answer, int code, String slug) {
        assertThat(answer.has("result")).as("%s", answer).isFalse();
        assertThat(answer.path("error").path("code").asInt()).as("%s", answer).isEqualTo(code);
        assertThat(answer.path("error").path("data").path("code").asText()).isEqualTo(slug);
        assertThat(answer.path("id").asInt()).isEqualTo(7);
    }

    private static JsonNode data(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
