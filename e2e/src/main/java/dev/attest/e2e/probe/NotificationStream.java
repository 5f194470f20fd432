package dev.attest.e2e.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.e2e.http.HttpJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The signed-in user's live notification stream (Server-Sent Events through the gateway), read in the
 * background; each {@code data:} line is one notification as JSON.
 */
public final class NotificationStream implements AutoCloseable {
    /** A notification and when this client read it. */
    public record Arrival(JsonNode notification, Instant at) {}

    private final List<Arrival> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status;

    private NotificationStream(HttpJson http, String url, String bearer, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + bearer)
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = http.client().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
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
        return new NotificationStream(http, gatewayUrl + "/notifications/me/stream", bearer, null);
    }

    /**
     * Starts reading the stream from the user's first notification ({@code Last-Event-ID: 0}: the service sends
     * what is stored, then goes live), so nothing made while the stream was being opened is missed.
     */
    public static NotificationStream openFromFirst(HttpJson http, String gatewayUrl, String bearer) {
        return new NotificationStream(http, gatewayUrl + "/notifications/me/stream", bearer, "0");
    }

    private void line(String line) {
        if (line.startsWith("data:")) {
            try {
                received.add(
                        new Arrival(HttpJson.JSON.readTree(line.substring(5).trim()), Instant.now()));
            } catch (IOException e) {
                // A data line that is not JSON is not a notification; keep reading.
            }
        }
    }

    public JsonNode await(String what, Duration timeout, Predicate<JsonNode> match) {
        return Waiting.until(what, timeout, () -> firstArrival(match).map(Arrival::notification));
    }

    /** The first notification read so far that matches, if any. */
    public Optional<Arrival> firstArrival(Predicate<JsonNode> match) {
        return received.stream().filter(a -> match.test(a.notification())).findFirst();
    }

    public List<JsonNode> received() {
        return received.stream().map(Arrival::notification).toList();
    }

    @Override
    public void close() {
        response.cancel(true);
    }
}
