package dev.attest.wallet.client;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.evm.EvmNodes;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.wallet.support.DfnsAccount;
import dev.attest.wallet.support.NodeProject;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * The official Dfns TypeScript SDK ({@code @dfns/sdk} with {@code @dfns/sdk-keysigner}, pinned in
 * {@code src/test/node/package-lock.json}) works against the Dfns sandbox unchanged: it creates a wallet,
 * lists wallets, makes a transfer that is confirmed on the EVM node and reads the wallet's assets.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class DfnsSdkCompatibilityTest {
    private static final Path NODE_PROJECT = Path.of("src", "test", "node");
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void installTheSdk() throws Exception {
        NodeProject.ensureInstalled();
    }

    @ParameterizedTest
    @CsvSource(value = {"Ed25519,''", "EC,SHA256", "RSA,SHA256"})
    void theDfnsSdkCreatesListsTransfersAndReadsAssetsAgainstTheSandbox(String keyKind, String signingAlgorithm)
            throws Exception {
        KeyPair keys = DfnsAccount.newKeys(keyKind);
        JsonNode account = JSON.readTree(given().body(JSON.writeValueAsString(Map.of(
                        "publicKey",
                        DfnsAccount.pem("PUBLIC KEY", keys.getPublic().getEncoded()))))
                .post("/dfns/_sandbox/service-accounts")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        String recipient = "0x" + UUID.randomUUID().toString().replace("-", "") + "00000000";

        ProcessBuilder node = new ProcessBuilder("node", "sdk-compat.test.js").directory(NODE_PROJECT.toFile());
        node.environment()
                .putAll(Map.of(
                        "DFNS_API_URL",
                        DfnsAccount.baseUrl() + "/dfns",
                        "DFNS_TOKEN",
                        account.get("token").asText(),
                        "DFNS_CRED_ID",
                        account.get("credentialId").asText(),
                        "DFNS_PRIVATE_KEY",
                        DfnsAccount.pem("PRIVATE KEY", keys.getPrivate().getEncoded()),
                        "DFNS_SIGNING_ALGORITHM",
                        signingAlgorithm,
                        "TRANSFER_TO",
                        recipient));
        Path log = Path.of("target", "dfns-sdk-" + keyKind + ".log");
        Process run =
                node.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = run.waitFor(2, TimeUnit.MINUTES);
        String output = read(log);
        assertThat(finished && run.exitValue() == 0)
                .as("SDK run failed:\n" + output)
                .isTrue();

        List<String> lines = output.lines().filter(line -> line.startsWith("{")).toList();
        JsonNode result = JSON.readTree(lines.get(lines.size() - 1));
        assertThat(result.get("walletId").asText()).startsWith("wa-");
        assertThat(result.get("status").asText()).isEqualTo("Confirmed");
        assertThat(result.get("txHash").asText()).startsWith("0x");
        assertThat(result.get("nativeSymbol").asText()).isEqualTo("ETH");
        assertThat(result.get("nativeDecimals").asInt()).isEqualTo(18);
        Web3j chain = EvmNodes.connect(AnvilResource.rpcUrl());
        try {
            assertThat(result.get("nativeBalance").asText())
                    .isEqualTo(chain.ethGetBalance(result.get("address").asText(), DefaultBlockParameterName.LATEST)
                            .send()
                            .getBalance()
                            .toString());
            assertThat(chain.ethGetBalance(recipient, DefaultBlockParameterName.LATEST)
                            .send()
                            .getBalance())
                    .isEqualTo(BigInteger.valueOf(777));
        } finally {
            chain.shutdown();
        }
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
