package dev.attest.testing;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Arweave gateway for tests: arlocal (npm {@code arlocal}, installed into {@code tools/node} by {@code .ci/run}
 * and {@code ./attest}) as a child process on a free port, its database under {@code target/} (arlocal's in-memory
 * option gives each pooled connection a database of its own, so it loses its tables); or the gateway at
 * {@code ATTEST_TEST_ARWEAVE_URL} when that is set. arlocal checks what a node checks (the RSA-PSS signature over the
 * deep hash, the id, the data root, the owner's balance) and mines only when asked ({@link #mine()}), as a test wants.
 */
public class ArlocalResource implements QuarkusTestResourceLifecycleManager {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static String url;
    private static Process arlocal;

    @Override
    public Map<String, String> start() {
        return Map.of("attest.document.arweave.gateway-url", gatewayUrl());
    }

    @Override
    public void stop() {
        // Shared by the JVM's test applications; the child is stopped when the JVM exits.
    }

    /** The gateway URL every test of this JVM uses. */
    public static synchronized String gatewayUrl() {
        if (url == null) {
            url = ExternalServer.url("ATTEST_TEST_ARWEAVE_URL").orElseGet(ArlocalResource::startArlocal);
        }
        return url;
    }

    /** Mines one block: pending transactions get their first confirmation. */
    public static void mine() {
        get("/mine");
    }

    /** Credits {@code winston} to {@code address} (arlocal's faucet), as buying AR credits the platform's wallet. */
    public static void fund(String address, String winston) {
        get("/mint/" + address + "/" + winston);
    }

    /** The bytes of transaction {@code id} as the gateway serves them, or null when it has none. */
    public static byte[] data(String id) {
        try {
            HttpResponse<byte[]> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(gatewayUrl() + "/" + id)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The ids of the transactions tagged {@code name: value}, as the gateway's GraphQL index finds them. */
    public static List<String> transactionsTagged(String name, String value) {
        String query = "{\"query\":\"{ transactions(tags: [{name: \\\"" + name + "\\\", values: [\\\"" + value
                + "\\\"]}]) { edges { node { id } } } }\"}";
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(gatewayUrl() + "/graphql"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(query))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("arlocal /graphql answered " + response.statusCode());
            }
            List<String> ids = new ArrayList<>();
            Matcher id =
                    Pattern.compile("\"id\"\\s*:\\s*\"([A-Za-z0-9_-]{43})\"").matcher(response.body());
            while (id.find()) {
                ids.add(id.group(1));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(gatewayUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("arlocal " + path + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String startArlocal() {
        Path script = NodeTools.find("arlocal/bin/index.js", "arlocal", "ATTEST_TEST_ARWEAVE_URL");
        int port = freePort();
        Path log = Path.of("target", "arlocal-" + port + ".log");
        try {
            Files.createDirectories(log.getParent());
            arlocal = new ProcessBuilder(List.of(
                            "node",
                            script.toString(),
                            Integer.toString(port),
                            "--hidelogs",
                            "--dbpath",
                            "arlocal-" + port))
                    // arlocal writes its database under, and a request log ("logs") into, its working directory
                    .directory(log.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start arlocal (" + script + ")", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(arlocal::destroy));
        String gateway = "http://127.0.0.1:" + port;
        awaitReady(gateway, log);
        return gateway;
    }

    private static void awaitReady(String gateway, Path log) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!arlocal.isAlive()) {
                throw new IllegalStateException("arlocal exited with " + arlocal.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> info = HTTP.send(
                        HttpRequest.newBuilder(URI.create(gateway + "/info"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (info.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for arlocal", e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for arlocal", e);
            }
        }
        throw new IllegalStateException("arlocal did not answer within 60 s; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
