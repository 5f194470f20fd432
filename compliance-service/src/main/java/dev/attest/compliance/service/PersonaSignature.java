package dev.attest.compliance.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies {@code Persona-Signature: t=<unix seconds>,v1=<hex>}: HMAC-SHA256 with the webhook secret over
 * {@code t + "." + raw body bytes}, compared in constant time. During a secret rotation the header may
 * carry several signatures (several {@code v1}, or several space-separated {@code t=…,v1=…} pairs), and the
 * organization may have two secrets: any match is enough. The timestamp must be within the tolerance,
 * both ways, so an old delivery cannot be replayed.
 */
public final class PersonaSignature {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** One per thread: looking the algorithm up costs more than the HMAC of a webhook; keyed anew at each use. */
    private static final ThreadLocal<Mac> HMAC_SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    });

    /** Why a signature was refused, or that it was accepted. */
    public enum Outcome {
        VALID("valid"),
        MISSING("the Persona-Signature header is missing"),
        MALFORMED("the Persona-Signature header is not t=<seconds>,v1=<hex>"),
        STALE("the signature's timestamp is outside the allowed window"),
        MISMATCH("no signature matches a webhook secret of this organization");

        private final String detail;

        Outcome(String detail) {
            this.detail = detail;
        }

        public String detail() {
            return detail;
        }
    }

    private PersonaSignature() {}

    public static Outcome verify(String header, byte[] body, List<String> secrets, Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) {
            return Outcome.MISSING;
        }
        List<Signed> signatures = parse(header);
        if (signatures.isEmpty()) {
            return Outcome.MALFORMED;
        }
        boolean fresh = false;
        for (Signed signed : signatures) {
            if (Math.abs(now.getEpochSecond() - signed.timestamp) > tolerance.toSeconds()) {
                continue;
            }
            fresh = true;
            for (String secret : secrets) {
                byte[] expected = hmac(secret, signed.timestamp, body);
                if (MessageDigest.isEqual(expected, signed.v1)) {
                    return Outcome.VALID;
                }
            }
        }
        return fresh ? Outcome.MISMATCH : Outcome.STALE;
    }

    /** {@code hex(HMAC-SHA256(secret, t + "." + body))}: what Persona sends as {@code v1}. */
    public static String sign(String secret, long timestamp, byte[] body) {
        return HexFormat.of().formatHex(hmac(secret, timestamp, body));
    }

    private record Signed(long timestamp, byte[] v1) {}

    private static List<Signed> parse(String header) {
        List<Signed> signatures = new ArrayList<>();
        Long lastTimestamp = null;
        for (String group : WHITESPACE.split(header.trim())) {
            Long timestamp = null;
            List<byte[]> v1s = new ArrayList<>();
            for (String part : group.split(",")) {
                int equals = part.indexOf('=');
                if (equals <= 0) {
                    continue;
                }
                String name = part.substring(0, equals).trim();
                String value = part.substring(equals + 1).trim();
                try {
                    if (name.equals("t")) {
                        timestamp = Long.parseLong(value);
                    } else if (name.equals("v1")) {
                        v1s.add(HexFormat.of().parseHex(value));
                    }
                } catch (IllegalArgumentException e) {
                    // A malformed element is skipped; another may still match.
                }
            }
            // A group with signatures but no timestamp of its own uses the header's previous one.
            Long effective = timestamp != null ? timestamp : lastTimestamp;
            if (effective != null) {
                for (byte[] v1 : v1s) {
                    signatures.add(new Signed(effective, v1));
                }
                lastTimestamp = effective;
            }
        }
        return signatures;
    }

    private static byte[] hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = HMAC_SHA256.get();
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
