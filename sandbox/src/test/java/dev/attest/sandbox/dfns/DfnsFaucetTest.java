package dev.attest.sandbox.dfns;

import static dev.attest.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.evm.EvmNodes;
import dev.attest.testing.AnvilResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;

/** The faucet funds wallets created at the same time, each once, with one gap-free nonce sequence. */
@QuarkusTest
@WithTestResource(AnvilResource.class)
class DfnsFaucetTest {
    private static final int WALLETS = 30;

    private static Web3j node;

    @Inject
    DfnsSandboxConfig config;

    @BeforeAll
    static void connect() {
        node = EvmNodes.connect(AnvilResource.rpcUrl());
    }

    @AfterAll
    static void disconnect() {
        node.shutdown();
    }

    @Test
    void walletsCreatedAtOnceAreEachFundedOnceWithConsecutiveFaucetNonces() throws Exception {
        String faucet = Credentials.create(config.faucetPrivateKey().orElseThrow())
                .getAddress()
                .toLowerCase(Locale.ROOT);
        BigInteger amount = new BigInteger(config.faucetAmountWei());
        BigInteger blockBefore = node.ethBlockNumber().send().getBlockNumber();
        SigningClient client = SigningClient.register("EC");

        List<String> wallets = createAtOnce(client);

        assertThat(wallets).hasSize(WALLETS).doesNotHaveDuplicates();
        waitFor("every new wallet funded by the faucet").untilAsserted(() -> {
            for (String wallet : wallets) {
                assertThat(balance(wallet)).as(wallet).isEqualTo(amount);
            }
        });
        // What the faucet sent since: one transfer to each new wallet, nonces one after the other, none missing.
        Map<String, Long> nonceByRecipient = faucetTransfersSince(faucet, blockBefore);
        assertThat(nonceByRecipient).containsOnlyKeys(wallets);
        List<Long> nonces = nonceByRecipient.values().stream().sorted().toList();
        long first = nonces.get(0);
        assertThat(nonces)
                .containsExactlyElementsOf(
                        LongStream.range(first, first + WALLETS).boxed().toList());
        assertThat(node.ethGetTransactionCount(faucet, DefaultBlockParameterName.PENDING)
                        .send()
                        .getTransactionCount())
                .isEqualTo(BigInteger.valueOf(first + WALLETS));
    }

    /** {@value #WALLETS} wallets created by as many concurrent requests; their addresses, lower case. */
    private static List<String> createAtOnce(SigningClient client) {
        ExecutorService threads = Executors.newFixedThreadPool(WALLETS);
        try {
            List<CompletableFuture<String>> created = new ArrayList<>();
            for (int i = 0; i < WALLETS; i++) {
                String body = "{\"network\":\"Ethereum\",\"name\":\"faucet-" + i + "\",\"externalId\":\""
                        + UUID.randomUUID() + "\"}";
                created.add(CompletableFuture.supplyAsync(
                        () -> client.post("/dfns/wallets", body)
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("address")
                                .toLowerCase(Locale.ROOT),
                        threads));
            }
            return created.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdown();
        }
    }

    private static BigInteger balance(String address) throws Exception {
        return node.ethGetBalance(address, DefaultBlockParameterName.LATEST)
                .send()
                .getBalance();
    }

    /** Recipient to nonce of every transaction {@code faucet} sent in the blocks after {@code blockBefore}. */
    private static Map<String, Long> faucetTransfersSince(String faucet, BigInteger blockBefore) throws Exception {
        Map<String, Long> nonces = new HashMap<>();
        BigInteger latest = node.ethBlockNumber().send().getBlockNumber();
        for (BigInteger n = blockBefore.add(BigInteger.ONE); n.compareTo(latest) <= 0; n = n.add(BigInteger.ONE)) {
            EthBlock.Block block = node.ethGetBlockByNumber(DefaultBlockParameter.valueOf(n), true)
                    .send()
                    .getBlock();
            for (EthBlock.TransactionResult<?> result : block.getTransactions()) {
                EthBlock.TransactionObject tx = (EthBlock.TransactionObject) result.get();
                if (faucet.equalsIgnoreCase(tx.getFrom())) {
                    Long earlier = nonces.put(
                            tx.getTo().toLowerCase(Locale.ROOT), tx.getNonce().longValueExact());
                    assertThat(earlier).as("a second transfer to " + tx.getTo()).isNull();
                }
            }
        }
        return nonces;
    }
}
