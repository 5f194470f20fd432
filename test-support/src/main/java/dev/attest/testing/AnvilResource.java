package dev.attest.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real EVM node for tests: anvil (Foundry; npm {@code @foundry-rs/anvil}, installed into {@code tools/node} by
 * {@code .ci/run} and {@code ./attest up}) as a child process on a free port, chain 1337, with the accounts of the
 * usual test mnemonic (ganache's former deterministic ones), each funded with 1000 ETH; or the node at
 * {@code ATTEST_TEST_EVM_URL} when that is set.
 */
public class AnvilResource implements QuarkusTestResourceLifecycleManager {
    /** Private key of the deterministic account 0, funded with 1000 ETH. Test-only, public knowledge. */
    public static final String ACCOUNT_0_KEY = "0x4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d";

    /** The mnemonic whose accounts anvil funds (ganache's {@code --wallet.deterministic} accounts). */
    static final String MNEMONIC = "myth like bonus scare over problem client lizard pioneer submit female collect";

    private static String url;
    private static Process anvil;

    @Override
    public Map<String, String> start() {
        return Map.of("attest.evm.rpc-url", rpcUrl());
    }

    @Override
    public void stop() {
        // Shared by the JVM's test applications; the child is stopped when the JVM exits.
    }

    /** The JSON-RPC URL every test of this JVM uses. */
    public static synchronized String rpcUrl() {
        if (url == null) {
            url = ExternalServer.url("ATTEST_TEST_EVM_URL").orElseGet(AnvilResource::startAnvil);
        }
        return url;
    }

    private static String startAnvil() {
        Path binary = findBinary();
        Path log;
        try {
            Files.createDirectories(Path.of("target"));
            log = Files.createTempFile(Path.of("target"), "anvil-", ".log");
            anvil = new ProcessBuilder(List.of(
                            binary.toString(),
                            "--host",
                            "127.0.0.1",
                            // Port 0: anvil binds a port of the system's choosing and says which. A port picked here
                            // and handed over could be taken meanwhile by another test JVM's node, and this JVM would
                            // then talk to that node (its faucet's nonces) without knowing.
                            "--port",
                            "0",
                            "--chain-id",
                            "1337",
                            "--mnemonic",
                            MNEMONIC,
                            "--balance",
                            "1000",
                            // No state history, as the local stack and compose run it: what needs an old
                            // block's state fails here first.
                            "--prune-history"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start anvil (" + binary + ")", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(anvil::destroy));
        String rpc = "http://127.0.0.1:" + listeningPort(log);
        awaitReady(rpc, log);
        return rpc;
    }

    /** The port anvil's log says it listens on ("Listening on 127.0.0.1:<port>"). */
    private static int listeningPort(Path log) {
        Pattern listening = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!anvil.isAlive()) {
                throw new IllegalStateException("anvil exited with " + anvil.exitValue() + "; see " + log);
            }
            try {
                Matcher port = listening.matcher(Files.readString(log));
                if (port.find()) {
                    return Integer.parseInt(port.group(1));
                }
                Thread.sleep(50);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for anvil", e);
            }
        }
        throw new IllegalStateException("anvil did not say where it listens within 30 s; see " + log);
    }

    /**
     * anvil's binary in the repository's {@code tools/node}, found from the module's working directory: npm installs
     * the package of this platform only ({@code @foundry-rs/anvil-linux-amd64}, {@code -darwin-arm64}, ...).
     */
    private static Path findBinary() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path scope = dir.resolve("tools/node/node_modules/@foundry-rs");
            if (Files.isDirectory(scope)) {
                try (DirectoryStream<Path> packages = Files.newDirectoryStream(scope, "anvil-*")) {
                    for (Path pkg : packages) {
                        for (String name : List.of("anvil", "anvil.exe")) {
                            Path binary = pkg.resolve("bin").resolve(name);
                            if (Files.isRegularFile(binary) && Files.isExecutable(binary)) {
                                return binary;
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException(
                "anvil is not installed: run `npm ci --prefix tools/node` at the repository root,"
                        + " or set ATTEST_TEST_EVM_URL to a running node");
    }

    private static void awaitReady(String rpc, Path log) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!anvil.isAlive()) {
                throw new IllegalStateException("anvil exited with " + anvil.exitValue() + "; see " + log);
            }
            if (answersChainId(rpc)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for anvil", e);
            }
        }
        throw new IllegalStateException("anvil did not answer within 30 s; see " + log);
    }

    private static boolean answersChainId(String rpc) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(rpc).toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setDoOutput(true);
            connection.setConnectTimeout(500);
            connection
                    .getOutputStream()
                    .write("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"
                            .getBytes(StandardCharsets.UTF_8));
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
