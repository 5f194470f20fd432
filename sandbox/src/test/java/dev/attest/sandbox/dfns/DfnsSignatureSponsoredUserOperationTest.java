package dev.attest.sandbox.dfns;

import static dev.attest.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.evm.EvmNodes;
import dev.attest.sandbox.dfns.SponsoredUserOperations.UserOperation;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.BundlerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.Transfer;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

/**
 * Issue 19's infrastructure end to end: a Dfns wallet's key owns an ERC-4337 SimpleAccount (EntryPoint v0.7, the
 * published artifacts) that holds no ETH for gas; its first UserOperation deploys it and moves value, signed through
 * Dfns's signature API (the sandbox's), approved by the platform's VerifyingPaymaster, sent to a real bundler (alto)
 * and paid for from the paymaster's deposit. A tampered paymaster approval is refused by the bundler's simulation.
 */
@QuarkusTest
@WithTestResource(AnvilResource.class)
@WithTestResource(BundlerResource.class)
class DfnsSignatureSponsoredUserOperationTest {
    private static final BigInteger VALUE =
            Convert.toWei("0.001", Convert.Unit.ETHER).toBigInteger();
    /** The test mnemonic's account 6: funds the accounts with the value they send (no service uses it). */
    private static final String FUNDER_KEY = "0xe485d098507f54e7733a205420dfddbe58db035fa577fc294ebd14db90767a52";

    private Web3j node;
    private SponsoredUserOperations aa;

    @BeforeEach
    void connect() {
        node = EvmNodes.connect(AnvilResource.rpcUrl());
        aa = new SponsoredUserOperations(node, BundlerResource.bundlerUrl(), BundlerResource.contracts());
    }

    @AfterEach
    void disconnect() {
        node.shutdown();
    }

    @Test
    void aDfnsOwnedSmartAccountWithoutGasMakesATransferThePaymasterPaysFor() throws Exception {
        SigningClient client = SigningClient.register("EC");
        JsonNode wallet = newWallet(client);
        String recipient = newAddress();
        UserOperation op = aa.firstOperation(wallet.get("address").asText(), recipient, VALUE);
        fund(op.sender, VALUE); // exactly what it sends: nothing for gas
        BigInteger depositBefore = aa.deposit();

        aa.sponsor(op, BundlerResource.paymasterSignerKey());
        op.signature = signThroughDfns(client, wallet, aa.userOpHash(op));
        JsonNode sent = aa.send(op);
        assertThat(sent.has("result"))
                .as("eth_sendUserOperation answered %s", sent)
                .isTrue();

        JsonNode receipt = waitFor("the user operation's receipt")
                .until(() -> aa.receipt(sent.get("result").asText()), Objects::nonNull);
        assertThat(receipt.get("success").asBoolean()).isTrue();
        assertThat(receipt.get("sender").asText()).isEqualToIgnoringCase(op.sender);
        assertThat(receipt.get("paymaster").asText())
                .isEqualToIgnoringCase(BundlerResource.contracts().paymaster());
        assertThat(balance(recipient)).isEqualTo(VALUE);
        assertThat(code(op.sender)).as("the account is deployed").isNotEqualTo("0x");
        assertThat(balance(op.sender)).as("the account paid no gas").isZero();
        BigInteger gasCost = Numeric.toBigInt(receipt.get("actualGasCost").asText());
        assertThat(gasCost).isPositive();
        assertThat(depositBefore.subtract(aa.deposit()))
                .as("the paymaster's deposit paid")
                .isEqualTo(gasCost);
    }

    @Test
    void aUserOperationWithATamperedPaymasterSignatureIsRejectedBySimulation() throws Exception {
        SigningClient client = SigningClient.register("EC");
        JsonNode wallet = newWallet(client);
        String recipient = newAddress();
        UserOperation op = aa.firstOperation(wallet.get("address").asText(), recipient, VALUE);
        fund(op.sender, VALUE);
        BigInteger depositBefore = aa.deposit();

        aa.sponsor(op, BundlerResource.paymasterSignerKey());
        op.paymasterData[op.paymasterData.length - 2] ^= 0x01; // the last bit of the approval's s
        op.signature = signThroughDfns(client, wallet, aa.userOpHash(op)); // the owner's signature is good
        JsonNode answer = aa.send(op);

        assertThat(answer.path("error").path("message").asText()).contains("AA34 signature error");
        assertThat(code(op.sender)).as("nothing was executed").isEqualTo("0x");
        assertThat(balance(op.sender)).isEqualTo(VALUE);
        assertThat(balance(recipient)).isZero();
        assertThat(aa.deposit()).isEqualTo(depositBefore);
    }

    /** The owner's signature, made by Dfns with the wallet's key: {@code Message} is EIP-191, as SimpleAccount wants. */
    private static byte[] signThroughDfns(SigningClient client, JsonNode wallet, byte[] userOpHash) {
        String path = "/dfns/wallets/" + wallet.get("id").asText() + "/signatures";
        String body = "{\"kind\":\"Message\",\"message\":\"" + Numeric.toHexString(userOpHash) + "\"}";
        String encoded =
                client.post(path, body).then().statusCode(200).extract().path("signature.encoded");
        return Numeric.hexStringToByteArray(encoded);
    }

    private static JsonNode newWallet(SigningClient client) {
        return DfnsJson.parseObject(client.post("/dfns/wallets", "{\"network\":\"Ethereum\"}")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private void fund(String address, BigInteger wei) throws Exception {
        RawTransactionManager manager = new RawTransactionManager(
                node, Credentials.create(FUNDER_KEY), 1337, new PollingTransactionReceiptProcessor(node, 100, 600));
        new Transfer(node, manager)
                .sendFunds(address, new BigDecimal(wei), Convert.Unit.WEI)
                .send();
    }

    private BigInteger balance(String address) throws Exception {
        return node.ethGetBalance(address, DefaultBlockParameterName.LATEST)
                .send()
                .getBalance();
    }

    private String code(String address) throws Exception {
        return node.ethGetCode(address, DefaultBlockParameterName.LATEST).send().getCode();
    }

    private static String newAddress() throws Exception {
        return "0x" + Keys.getAddress(Keys.createEcKeyPair());
    }
}
