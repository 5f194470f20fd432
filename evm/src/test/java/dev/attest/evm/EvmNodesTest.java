package dev.attest.evm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.testing.AnvilResource;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;

/**
 * Reads of the latest state on the tests' anvil (no state history, as the local stack's) while another client mines
 * a block per transaction: none is refused. Before {@link LatestStateRetry}, about 2 in 100 were.
 */
class EvmNodesTest {
    private static final int BLOCKS = 150;
    /** The CREATE2 deployer anvil has at genesis: a contract to call. */
    private static final String DEPLOYER = "0x4e59b44847b379578588920ca78fbf26c0b4956c";

    @Test
    void readsOfTheLatestStateAreAnsweredWhileBlocksAreMined() throws Exception {
        Web3j node = EvmNodes.connect(AnvilResource.rpcUrl());
        try {
            List<String> accounts = node.ethAccounts().send().getAccounts();
            CompletableFuture<Void> mining = CompletableFuture.runAsync(() -> mine(node, accounts));
            List<String> refusals = new ArrayList<>();
            int reads = 0;
            while (!mining.isDone()) {
                reads += 2;
                refuse(
                        refusals,
                        node.ethGetBalance(accounts.get(2), DefaultBlockParameterName.LATEST)
                                .send());
                refuse(
                        refusals,
                        node.ethCall(
                                        Transaction.createEthCallTransaction(null, DEPLOYER, "0x"),
                                        DefaultBlockParameterName.LATEST)
                                .send());
            }
            mining.join();

            assertThat(reads).as("reads made while mining").isGreaterThan(10);
            assertThat(refusals).isEmpty();
        } finally {
            node.shutdown();
        }
    }

    /** One block per transaction (anvil mines each as it comes). */
    private static void mine(Web3j node, List<String> accounts) {
        for (int i = 0; i < BLOCKS; i++) {
            try {
                Response<?> sent = node.ethSendTransaction(Transaction.createEtherTransaction(
                                accounts.get(0), null, null, null, accounts.get(1), BigInteger.ONE))
                        .send();
                assertThat(sent.hasError())
                        .as("transaction %d: %s", i, sent.getError())
                        .isFalse();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** The deployer reverts on empty calldata: a revert is an answer, only a refused read counts. */
    private static void refuse(List<String> refusals, Response<?> answer) {
        if (answer.hasError() && answer.getError().getMessage().contains(LatestStateRetry.STATE_GONE)) {
            refusals.add(answer.getError().getMessage());
        }
    }
}
