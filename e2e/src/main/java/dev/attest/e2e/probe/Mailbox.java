package dev.attest.e2e.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.e2e.http.HttpJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/** A mailbox of the local SMTP server (GreenMail), read through GreenMail's REST API. */
public final class Mailbox {
    private final HttpJson http;
    private final String apiUrl;

    public Mailbox(HttpJson http, String apiUrl) {
        this.http = http;
        this.apiUrl = apiUrl;
    }

    public JsonNode await(String address, String what, Duration timeout, Predicate<JsonNode> match) {
        String url = apiUrl + "/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX";
        return Waiting.until(what, timeout, () -> {
            var reply = http.get(url, null);
            if (reply.status() != 200) {
                return Optional.empty(); // the mailbox exists once the first message arrives
            }
            for (JsonNode message : reply.json()) {
                if (match.test(message)) {
                    return Optional.of(message);
                }
            }
            return Optional.empty();
        });
    }
}
