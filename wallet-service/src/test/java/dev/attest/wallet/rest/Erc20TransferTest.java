package dev.attest.wallet.rest;

import static dev.attest.testing.Waits.waitFor;
import static dev.attest.wallet.rest.TransferTest.newAddress;
import static dev.attest.wallet.rest.TransferTest.status;
import static dev.attest.wallet.rest.TransferTest.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.evm.EvmNodes;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.wallet.support.DfnsAccount;
import dev.attest.wallet.support.KycEvents;
import dev.attest.wallet.support.NodeProject;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * An ERC-20 transfer end to end: a token (OpenZeppelin's compiled ERC20PresetFixedSupply, MIT, from npm)
 * is deployed on anvil with the user's Dfns wallet holding the supply; the transfer goes through the
 * API, the Dfns sandbox signs and broadcasts {@code transfer(to, amount)}, and the tokens move on chain;
 * the wallet's balances then show what it holds.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class Erc20TransferTest {
    // The test mnemonic's deterministic account 1 (public, test-only): apart from the sandbox's faucet (account 0).
    private static final String DEPLOYER_KEY = "0x6cbed15c793ce57650b9877cf6fa156fbef513c4e6134f022a85b1ffdd59b2a1";
    private static final Path ARTIFACT = NodeProject.DIRECTORY.resolve(
            "node_modules/@openzeppelin/contracts/build/contracts/ERC20PresetFixedSupply.json");

    @BeforeAll
    static void installTheContracts() throws Exception {
        NodeProject.ensureInstalled();
    }

    @Test
    void anErc20TransferReachesConfirmedAndMovesTheTokens() throws Exception {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String user = "user-" + UUID.randomUUID();
        try (KycEvents kyc = new KycEvents()) {
            kyc.statusChanged(org.orgId, user, "case-erc20", "verified");
        }
        WalletProvisioningTest.awaitProvisioned(org, user);
        var me = WalletProvisioningTest.me(org, user);
        String walletId = me.get("wallet_id").asText();
        String recipient = newAddress();

        Web3j node = EvmNodes.connect(AnvilResource.rpcUrl());
        try {
            String token = deployToken(node, me.get("address").asText(), BigInteger.valueOf(1_000_000));
            String body = "{\"kind\":\"erc20\",\"contract\":\"" + token + "\",\"to\":\"" + recipient
                    + "\",\"amount\":\"1234\"}";
            String transferId = transfer(org, user, walletId, "erc20-1", body)
                    .statusCode(202)
                    .body("kind", equalTo("erc20"))
                    .extract()
                    .path("transfer_id");

            waitFor("transfer " + transferId + " confirmed")
                    .untilAsserted(() ->
                            assertThat(status(org, user, walletId, transferId)).isEqualTo("confirmed"));
            assertThat(balanceOf(node, token, recipient)).isEqualTo(BigInteger.valueOf(1234));
            assertThat(balanceOf(node, token, me.get("address").asText())).isEqualTo(BigInteger.valueOf(998_766));
            // The wallet's balances list the token with what it holds now.
            WalletAssetsTest.assets(org.user(user), walletId)
                    .statusCode(200)
                    .body("assets.size()", equalTo(2))
                    .body("assets[0].kind", equalTo("native"))
                    .body("assets[1].kind", equalTo("erc20"))
                    .body("assets[1].contract", equalToIgnoringCase(token))
                    .body("assets[1].symbol", equalTo("ATT"))
                    .body("assets[1].decimals", equalTo(18))
                    .body("assets[1].balance", equalTo("998766"));
        } finally {
            node.shutdown();
        }
    }

    static String deployToken(Web3j node, String holder, BigInteger supply) throws Exception {
        String bytecode =
                new ObjectMapper().readTree(ARTIFACT.toFile()).get("bytecode").asText();
        String constructor = FunctionEncoder.encodeConstructor(List.of(
                new Utf8String("Attest Test"), new Utf8String("ATT"), new Uint256(supply), new Address(holder)));
        long chainId = node.ethChainId().send().getChainId().longValue();
        var manager = new RawTransactionManager(node, Credentials.create(DEPLOYER_KEY), chainId);
        BigInteger gasPrice = node.ethGasPrice().send().getGasPrice();
        var sent = manager.sendTransaction(
                gasPrice, BigInteger.valueOf(3_000_000), null, bytecode + constructor, BigInteger.ZERO);
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

    @SuppressWarnings("rawtypes")
    static BigInteger balanceOf(Web3j node, String token, String owner) throws Exception {
        Function balanceOf =
                new Function("balanceOf", List.of(new Address(owner)), List.of(new TypeReference<Uint256>() {}));
        String answer = node.ethCall(
                        Transaction.createEthCallTransaction(owner, token, FunctionEncoder.encode(balanceOf)),
                        DefaultBlockParameterName.LATEST)
                .send()
                .getValue();
        List<Type> decoded = FunctionReturnDecoder.decode(answer, balanceOf.getOutputParameters());
        return (BigInteger) decoded.get(0).getValue();
    }
}
