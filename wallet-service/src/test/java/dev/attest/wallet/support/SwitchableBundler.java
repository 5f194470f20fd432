package dev.attest.wallet.support;

import dev.attest.testing.BundlerResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The tests' real bundler ({@link BundlerResource}) behind a TCP relay that a test switches off and on: while it is
 * off, the port refuses connections (and open ones are cut), as a bundler that is down does.
 */
public class SwitchableBundler implements QuarkusTestResourceLifecycleManager {
    private static final Relay RELAY = new Relay();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(new BundlerResource().start());
        URI bundler = URI.create(BundlerResource.bundlerUrl());
        RELAY.target = new InetSocketAddress(bundler.getHost(), bundler.getPort());
        RELAY.up();
        config.put("attest.aa.bundler-url", "http://127.0.0.1:" + RELAY.port);
        // The test runs the tracker's passes itself, so that what it sees while the bundler is down is certain.
        config.put("attest.work.disabled", "sponsorship-tracking");
        return config;
    }

    @Override
    public void stop() {
        RELAY.down();
    }

    public static void down() {
        RELAY.down();
    }

    public static void up() {
        RELAY.up();
    }

    private static final class Relay {
        volatile InetSocketAddress target;
        volatile int port;
        private ServerSocket server;
        private final List<Socket> open = new CopyOnWriteArrayList<>();

        synchronized void up() {
            if (server != null) {
                return;
            }
            try {
                server = new ServerSocket();
                server.setReuseAddress(true);
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                port = server.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ServerSocket listening = server;
            background(() -> accept(listening));
        }

        synchronized void down() {
            if (server == null) {
                return;
            }
            close(server);
            server = null;
            open.forEach(Relay::close);
            open.clear();
        }

        private void accept(ServerSocket listening) {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket upstream = new Socket(target.getAddress(), target.getPort());
                    open.add(client);
                    open.add(upstream);
                    background(() -> pipe(client, upstream));
                    background(() -> pipe(upstream, client));
                } catch (IOException e) {
                    // closed by down(), or the bundler itself refused: the client sees its connection cut
                }
            }
        }

        private static void pipe(Socket from, Socket to) {
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                close(from);
                close(to);
            }
        }

        private static void background(Runnable work) {
            Thread thread = new Thread(work, "switchable-bundler");
            thread.setDaemon(true);
            thread.start();
        }

        private static void close(java.io.Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
