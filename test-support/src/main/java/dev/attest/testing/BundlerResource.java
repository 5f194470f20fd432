package dev.attest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * ERC-4337 on the tests' EVM node ({@link AnvilResource}'s): the EntryPoint v0.7, SimpleAccountFactory and the
 * platform's VerifyingPaymaster deployed by the local stack's own script ({@code deploy/local/aa/deploy.mjs}, from the
 * published {@code @account-abstraction/contracts} artifacts, with its deposit funded), and a real bundler, Pimlico's
 * alto ({@code @pimlico/alto} in {@code tools/node}), as a child process on a free port; or the bundler at
 * {@code ATTEST_TEST_BUNDLER_URL} when that is set (the contracts are then still deployed, idempotently, on the node).
 * Once per JVM. The paymaster's verifying key is made under {@code target/aa/}: {@link #paymasterSignerKey()}.
 */
public class BundlerResource implements QuarkusTestResourceLifecycleManager {
    /** The test mnemonic's account 3: deploys the contracts and owns the paymaster (no service sends from it). */
    public static final String OPERATOR_KEY = "0x646f1ce2fdad0e6deeeb5c7e8e5543bdde65e86029e2fd9fc169899c440a7913";
    /** Account 4: the bundler's utility account (it deploys alto's simulation contract and refills executors). */
    static final String UTILITY_KEY = "0xadd53f9a7e588d003326d1cbf9e4a43c061aadd9bc938c843a79e7b4fd2ad743";
    /** Account 5: the bundler's executor, which sends the bundles (handleOps) and is paid back by the EntryPoint. */
    static final String EXECUTOR_KEY = "0x395df67f0c2d2d9fe1ad08d1bc8b6627011959b79c53d7dd6a3536a33ab8a4fd";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // alto's server speaks HTTP/1.1 only: no h2c upgrade
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private static final Path WORK = Path.of("target", "aa");

    /** The addresses {@code deploy.mjs} wrote, and the paymaster's verifying signer. */
    public record Contracts(
            String entryPoint,
            String accountFactory,
            String paymaster,
            String paymasterOwner,
            String paymasterSigner) {}

    private static Contracts contracts;
    private static String url;
    private static Process alto;

    @Override
    public Map<String, String> start() {
        Contracts deployed = contracts();
        return Map.of(
                "attest.aa.bundler-url", bundlerUrl(),
                "attest.aa.entry-point", deployed.entryPoint(),
                "attest.aa.account-factory", deployed.accountFactory(),
                "attest.aa.paymaster", deployed.paymaster(),
                "attest.aa.paymaster-signer-key",
                        WORK.resolve("paymaster-signer.key").toAbsolutePath().toString());
    }

    @Override
    public void stop() {
        // Shared by the JVM's test applications; the child is stopped when the JVM exits.
    }

    /** The contracts on {@link AnvilResource#rpcUrl()}, deployed (or found) once per JVM. */
    public static synchronized Contracts contracts() {
        if (contracts == null) {
            contracts = deploy(AnvilResource.rpcUrl());
        }
        return contracts;
    }

    /** The bundler's JSON-RPC URL (ERC-4337's {@code eth_sendUserOperation}, ...). */
    public static synchronized String bundlerUrl() {
        if (url == null) {
            Contracts deployed = contracts();
            url = ExternalServer.url("ATTEST_TEST_BUNDLER_URL")
                    .orElseGet(() -> startAlto(AnvilResource.rpcUrl(), deployed.entryPoint()));
        }
        return url;
    }

    /** The private key the paymaster trusts (its {@code verifyingSigner}), as a paymaster service would hold it. */
    public static String paymasterSignerKey() {
        contracts();
        try {
            return Files.readString(WORK.resolve("paymaster-signer.key")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Contracts deploy(String rpcUrl) {
        Path script = repositoryFile("deploy/local/aa/deploy.mjs");
        Path out = WORK.resolve("contracts.json");
        Path log = WORK.resolve("deploy.log");
        try {
            Files.createDirectories(WORK);
            Process deploy = new ProcessBuilder(List.of(
                            "node",
                            script.toString(),
                            "--rpc-url",
                            rpcUrl,
                            "--operator-key",
                            OPERATOR_KEY,
                            "--signer-key-file",
                            WORK.resolve("paymaster-signer.key").toString(),
                            "--out",
                            out.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!deploy.waitFor(3, TimeUnit.MINUTES) || deploy.exitValue() != 0) {
                deploy.destroy();
                throw new IllegalStateException("deploying the ERC-4337 contracts failed:\n" + Files.readString(log));
            }
            JsonNode json = JSON.readTree(out.toFile());
            return new Contracts(
                    json.get("entryPoint").asText(),
                    json.get("accountFactory").asText(),
                    json.get("paymaster").asText(),
                    json.get("paymasterOwner").asText(),
                    json.get("paymasterSigner").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deploying the ERC-4337 contracts", e);
        }
    }

    private static String startAlto(String rpcUrl, String entryPoint) {
        Path cli = NodeTools.find("@pimlico/alto/esm/cli/alto.js", "alto", "ATTEST_TEST_BUNDLER_URL");
        int port = freePort();
        Path log = Path.of("target", "alto-" + port + ".log");
        try {
            Files.createDirectories(log.getParent());
            alto = new ProcessBuilder(List.of(
                            "node",
                            cli.toString(),
                            "--entrypoints",
                            entryPoint,
                            "--rpc-url",
                            rpcUrl,
                            "--executor-private-keys",
                            EXECUTOR_KEY,
                            "--utility-private-key",
                            UTILITY_KEY,
                            // safe mode (ERC-7562's rules) traces with a JavaScript tracer anvil does not have
                            "--safe-mode",
                            "false",
                            "--port",
                            Integer.toString(port),
                            "--log-level",
                            "warn"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start alto (" + cli + ")", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(alto::destroy));
        String bundler = "http://127.0.0.1:" + port;
        awaitReady(bundler, entryPoint, log);
        return bundler;
    }

    /** Ready when {@code eth_supportedEntryPoints} names the EntryPoint. */
    private static void awaitReady(String bundler, String entryPoint, Path log) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(bundler))
                .timeout(Duration.ofSeconds(2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_supportedEntryPoints\",\"params\":[]}"))
                .build();
        while (System.nanoTime() < deadline) {
            if (!alto.isAlive()) {
                throw new IllegalStateException("alto exited with " + alto.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                JsonNode result = JSON.readTree(answer.body()).path("result");
                for (JsonNode supported : result) {
                    if (supported.asText().equalsIgnoreCase(entryPoint)) {
                        return;
                    }
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for alto", e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for alto", e);
            }
        }
        throw new IllegalStateException("alto did not serve the EntryPoint within 90 s; see " + log);
    }

    /** {@code file} of the repository, found from the module's working directory upwards. */
    private static Path repositoryFile(String file) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(file);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(file + " not found above " + Path.of("").toAbsolutePath());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
