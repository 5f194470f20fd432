package dev.attest.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.testing.AnvilResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The official Dfns TypeScript SDK ({@code @dfns/sdk} and {@code @dfns/sdk-keysigner} 0.8.3, pinned in
 * {@code src/test/node/package-lock.json}), unchanged and given only the Dfns port's origin as its base URL,
 * creates a wallet with a user action it signs itself, lists wallets and reads the new one.
 */
@QuarkusTest
@WithTestResource(AnvilResource.class)
class DfnsSdkAtItsOriginTest {
    private static final Path NODE_PROJECT = Path.of("src", "test", "node");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ProviderOrigins origins;

    /** {@code npm ci} once, when the pinned SDK is not installed yet (its log in target/). */
    @BeforeAll
    static void installTheSdk() throws Exception {
        if (Files.isDirectory(NODE_PROJECT.resolve("node_modules/@dfns/sdk-keysigner"))) {
            return;
        }
        Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(NODE_PROJECT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "npm-ci.log").toFile())
                .start();
        assertThat(install.waitFor(5, TimeUnit.MINUTES) && install.exitValue() == 0)
                .as("npm ci in " + NODE_PROJECT + " failed; see target/npm-ci.log")
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource(value = {"Ed25519,''", "EC,SHA256"})
    void theDfnsSdkWorksWithTheDfnsPortsOriginAsItsBaseUrl(String keyKind, String signingAlgorithm) throws Exception {
        KeyPair keys = newKeys(keyKind);
        JsonNode account = JSON.readTree(given().body(JSON.writeValueAsString(
                        Map.of("publicKey", pem("PUBLIC KEY", keys.getPublic().getEncoded()))))
                .post("/dfns/_sandbox/service-accounts")
                .then()
                .statusCode(200)
                .extract()
                .asString());

        ProcessBuilder node = new ProcessBuilder("node", "dfns-sdk-at-its-origin.js").directory(NODE_PROJECT.toFile());
        node.environment()
                .putAll(Map.of(
                        "DFNS_API_URL", "http://localhost:" + origins.dfnsPort().orElseThrow(),
                        "DFNS_TOKEN", account.get("token").asText(),
                        "DFNS_CRED_ID", account.get("credentialId").asText(),
                        "DFNS_PRIVATE_KEY", pem("PRIVATE KEY", keys.getPrivate().getEncoded()),
                        "DFNS_SIGNING_ALGORITHM", signingAlgorithm));
        Path log = Path.of("target", "dfns-sdk-at-its-origin-" + keyKind + ".log");
        Process run =
                node.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = run.waitFor(2, TimeUnit.MINUTES);
        String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        assertThat(finished && run.exitValue() == 0)
                .as("SDK run failed:\n" + output)
                .isTrue();

        List<String> lines = output.lines().filter(line -> line.startsWith("{")).toList();
        JsonNode result = JSON.readTree(lines.get(lines.size() - 1));
        String walletId = result.get("walletId").asText();
        assertThat(walletId).startsWith("wa-");
        assertThat(result.get("address").asText()).startsWith("0x");
        assertThat(result.get("network").asText()).isEqualTo("Ethereum");
        assertThat(result.get("readId").asText()).isEqualTo(walletId);
        assertThat(result.get("listedIds")).extracting(JsonNode::asText).contains(walletId);
        // The same wallet, as the services see it under /dfns on the main port.
        given().header("Authorization", "Bearer " + account.get("token").asText())
                .get("/dfns/wallets/" + walletId)
                .then()
                .statusCode(200);
    }

    private static KeyPair newKeys(String kind) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(kind);
        if (kind.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        }
        return generator.generateKeyPair();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
