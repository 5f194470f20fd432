package dev.attest.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HTTP/1.1 requests sent from a loopback address of the test's choosing (all of 127.0.0.0/8 is this machine),
 * so that the gateway sees each test's client as a source address of its own, as it would see distinct
 * senders. One request a connection ({@code Connection: close}).
 */
public final class FromAddress {
    private final InetAddress source;

    private FromAddress(InetAddress source) {
        this.source = source;
    }

    /** A loopback address no other test uses (never 127.0.0.1, where the other tests' requests come from). */
    public static FromAddress newSource() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] address = {
            127, (byte) random.nextInt(1, 255), (byte) random.nextInt(1, 255), (byte) random.nextInt(1, 255)
        };
        try {
            return new FromAddress(InetAddress.getByAddress(address));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String address() {
        return source.getHostAddress();
    }

    /** The gateway's answer, header names lower-cased. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    public Answer post(URI gateway, String path, String json) {
        return post(gateway, path, json, Map.of());
    }

    /** A POST with {@code headers} besides the request's own. */
    public Answer post(URI gateway, String path, String json, Map<String, String> headers) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder extra = new StringBuilder();
        headers.forEach(
                (name, value) -> extra.append(name).append(": ").append(value).append("\r\n"));
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + gateway.getPort() + "\r\n"
                + extra
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), gateway.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer parse(InputStream in) throws IOException {
        String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int end = response.indexOf("\r\n\r\n");
        String[] lines = response.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        return new Answer(status, headers, response.substring(end + 4));
    }
}
