package dev.attest.e2e.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.e2e.http.HttpJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The signed-in user's live notification stream (Server-Sent Events through the gateway), read in the
 * background; each {@code data:} line is one notification as JSON.
 */
public final class NotificationStream implements AutoCloseable {
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status;

    private NotificationStream(HttpJson http, String url, String bearer) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + bearer)
                .GET()
                .build();
        response = http.client().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            status = r.statusCode();
            r.body().forEach(this::line);
        });
    }

    /**
     * Starts reading the stream. It does not wait for the answer's headers: a server may send them only
     * with its first event; {@link #await} reports a stream that was refused.
     */
    public static NotificationStream open(HttpJson http, String gatewayUrl, String bearer) {
        return new NotificationStream(http, gatewayUrl + "/notifications/me/stream", bearer);
    }

    private void line(String line) {
        if (line.startsWith("data:")) {
            try {
                received.add(HttpJson.JSON.readTree(line.substring(5).trim()));
            } catch (IOException e) {
                // A data line that is not JSON is not a notification; keep reading.
            }
        }
    }

    public JsonNode await(String what, Duration timeout, Predicate<JsonNode> match) {
        return Waiting.until(
                what, timeout, () -> received.stream().filter(match).findFirst());
    }

    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        response.cancel(true);
    }
}
