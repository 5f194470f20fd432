package dev.attest.e2e.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Persona webhooks as Persona sends them: a JSON:API event, signed with the organization's webhook secret in
 * {@code Persona-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}. Each has a new event id, so
 * the receiver stores every one (a repeated id would be acknowledged as a duplicate and stored once).
 *
 * <p>The events are {@code verification.passed} of a government-id verification: the receiver checks, parses
 * and stores them exactly as an inquiry event, then leaves them aside without touching a case, so a long run
 * measures the intake without flooding the organization's cases.
 */
public final class SignedPersonaEvents {
    private final URI url;
    private final byte[] secret;

    public SignedPersonaEvents(URI url, String secret) {
        this.url = url;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public HttpRequest next() {
        String body = body(UUID.randomUUID().toString(), Instant.now());
        return HttpRequest.newBuilder(url)
                .timeout(java.time.Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Persona-Signature", signatureHeader(Instant.now().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** The same body, unsigned, for the echo baseline: the gateway receives the same bytes. */
    public HttpRequest unsignedTo(URI echo) {
        String body = body(UUID.randomUUID().toString(), Instant.now());
        return HttpRequest.newBuilder(echo)
                .timeout(java.time.Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Persona-Signature", "t=0,v1=" + "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static String body(String id, Instant now) {
        String created = now.truncatedTo(ChronoUnit.MILLIS).toString();
        return "{\"data\":{\"type\":\"event\",\"id\":\"evt_bench" + id.replace("-", "") + "\","
                + "\"attributes\":{\"name\":\"verification.passed\",\"created-at\":\"" + created + "\","
                + "\"redacted-at\":null,\"payload\":{\"data\":{\"type\":\"verification/government-id\","
                + "\"id\":\"ver_bench" + id.substring(0, 8) + "\",\"attributes\":{\"status\":\"passed\","
                + "\"created-at\":\"" + created + "\",\"submitted-at\":\"" + created + "\","
                + "\"completed-at\":\"" + created + "\",\"country-code\":\"US\",\"id-class\":\"pp\","
                + "\"checks\":[{\"name\":\"id_expired_detection\",\"status\":\"passed\",\"reasons\":[]},"
                + "{\"name\":\"id_barcode_detection\",\"status\":\"passed\",\"reasons\":[]},"
                + "{\"name\":\"id_portrait_clarity_detection\",\"status\":\"passed\",\"reasons\":[]}]},"
                + "\"relationships\":{\"inquiry\":{\"data\":{\"type\":\"inquiry\","
                + "\"id\":\"inq_bench" + id.substring(9, 13) + "\"}}}}}}}}";
    }

    String signatureHeader(long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(unixSeconds + "." + body);
    }

    private String hmac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
