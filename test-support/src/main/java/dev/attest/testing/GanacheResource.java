package dev.attest.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real EVM node for tests: ganache (npm, installed into {@code tools/node} by {@code .ci/run} and
 * {@code ./attest up}) as a child process on a free port, with deterministic accounts; or the node at
 * {@code ATTEST_TEST_EVM_URL} when that is set.
 */
public class GanacheResource implements QuarkusTestResourceLifecycleManager {
    /** Private key of ganache's deterministic account 0, funded with 1000 ETH. Test-only, public knowledge. */
    public static final String ACCOUNT_0_KEY = "0x4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d";

    private static String url;
    private static Process ganache;

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
            url = ExternalServer.url("ATTEST_TEST_EVM_URL").orElseGet(GanacheResource::startGanache);
        }
        return url;
    }

    private static String startGanache() {
        Path cli = findCli();
        int port = freePort();
        Path log = Path.of("target", "ganache-" + port + ".log");
        try {
            Files.createDirectories(log.getParent());
            ganache = new ProcessBuilder(List.of(
                            "node",
                            cli.toString(),
                            "--wallet.deterministic",
                            "--server.host",
                            "127.0.0.1",
                            "--server.port",
                            Integer.toString(port),
                            "--chain.chainId",
                            "1337",
                            "--logging.quiet"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start ganache (" + cli + ")", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(ganache::destroy));
        String rpc = "http://127.0.0.1:" + port;
        awaitReady(rpc, log);
        return rpc;
    }

    /** ganache's CLI in the repository's {@code tools/node}, found from the module's working directory. */
    private static Path findCli() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path cli = dir.resolve("tools/node/node_modules/ganache/dist/node/cli.js");
            if (Files.isRegularFile(cli)) {
                return cli;
            }
        }
        throw new IllegalStateException(
                "ganache is not installed: run `npm ci --prefix tools/node` at the repository root,"
                        + " or set ATTEST_TEST_EVM_URL to a running node");
    }

    private static void awaitReady(String rpc, Path log) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!ganache.isAlive()) {
                throw new IllegalStateException("ganache exited with " + ganache.exitValue() + "; see " + log);
            }
            if (answersChainId(rpc)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for ganache", e);
            }
        }
        throw new IllegalStateException("ganache did not answer within 30 s; see " + log);
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
