package dev.attest.identity.support;

import dev.attest.testing.AnvilResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real anvil node behind a TCP relay that a test can cut: an RPC outage as the service sees it
 * (connections refused or dropped), with nothing about the node itself changed.
 */
public class FlakyNodeResource implements QuarkusTestResourceLifecycleManager {
    private static volatile boolean down;
    private static final Set<Socket> OPEN = ConcurrentHashMap.newKeySet();
    private static ServerSocket server;

    @Override
    public Map<String, String> start() {
        URI node = URI.create(AnvilResource.rpcUrl());
        try {
            server = new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(() -> accept(node), "flaky-node");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of("attest.evm.rpc-url", "http://127.0.0.1:" + server.getLocalPort());
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Cuts every connection and refuses new ones until {@link #restore()}. */
    public static void cut() {
        down = true;
        OPEN.forEach(FlakyNodeResource::close);
    }

    public static void restore() {
        down = false;
    }

    private static void accept(URI node) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (down) {
                    close(client);
                    continue;
                }
                Socket upstream = new Socket(node.getHost(), node.getPort());
                OPEN.add(client);
                OPEN.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // the relay is closing, or one connection failed: keep serving the others
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // connection cut
            } finally {
                close(from);
                close(to);
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        OPEN.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
