package dev.attest.compliance.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sumsub's two HMACs, lowercase hex: the app-token request signature ({@code X-App-Access-Sig}) and the webhook
 * payload digest ({@code X-Payload-Digest}, with the algorithm named by {@code X-Payload-Digest-Alg}).
 */
public final class SumsubSigning {
    private SumsubSigning() {}

    /** {@code X-App-Access-Sig}: HMAC-SHA256(secret key, ts + METHOD + path-with-query + raw body). */
    public static String requestSignature(String secretKey, long ts, String method, String pathWithQuery, byte[] body) {
        byte[] head = (ts + method.toUpperCase(Locale.ROOT) + pathWithQuery).getBytes(StandardCharsets.UTF_8);
        byte[] payload = body == null ? new byte[0] : body;
        byte[] message = new byte[head.length + payload.length];
        System.arraycopy(head, 0, message, 0, head.length);
        System.arraycopy(payload, 0, message, head.length, payload.length);
        return hmacHex("HmacSHA256", secretKey, message);
    }

    /** The values of {@code X-Payload-Digest-Alg} Sumsub sends; a webhook without the header is SHA-256's. */
    public enum DigestAlg {
        HMAC_SHA1_HEX("HmacSHA1"),
        HMAC_SHA256_HEX("HmacSHA256"),
        HMAC_SHA512_HEX("HmacSHA512");

        private final String jcaName;

        DigestAlg(String jcaName) {
            this.jcaName = jcaName;
        }

        /** The algorithm a header names; none for a value Sumsub does not send. */
        public static Optional<DigestAlg> parse(String value) {
            for (DigestAlg alg : values()) {
                if (alg.name().equals(value)) {
                    return Optional.of(alg);
                }
            }
            return Optional.empty();
        }

        public String digest(String secret, byte[] body) {
            return hmacHex(jcaName, secret, body);
        }
    }

    /** Why a webhook's digest is refused, or {@code VALID}. */
    public enum Outcome {
        VALID("valid"),
        MISSING("the X-Payload-Digest header is missing"),
        UNKNOWN_ALG("the X-Payload-Digest-Alg header names no algorithm Sumsub uses"),
        MALFORMED("the X-Payload-Digest header is not a hex digest"),
        MISMATCH("the digest matches no webhook secret of the organization");

        private final String detail;

        Outcome(String detail) {
            this.detail = detail;
        }

        public String detail() {
            return detail;
        }
    }

    /**
     * Checks {@code X-Payload-Digest} over the raw bytes against each secret (rotation: current and previous), in
     * constant time per comparison. {@code algHeader} null means SHA-256, Sumsub's default.
     */
    public static Outcome verify(String digest, String algHeader, byte[] body, List<String> secrets) {
        if (digest == null || digest.isBlank()) {
            return Outcome.MISSING;
        }
        Optional<DigestAlg> alg =
                algHeader == null ? Optional.of(DigestAlg.HMAC_SHA256_HEX) : DigestAlg.parse(algHeader);
        if (alg.isEmpty()) {
            return Outcome.UNKNOWN_ALG;
        }
        if (!digest.matches("[0-9a-fA-F]{40,128}")) {
            return Outcome.MALFORMED;
        }
        byte[] given = digest.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String secret : secrets) {
            byte[] expected = alg.get().digest(secret, body).getBytes(StandardCharsets.US_ASCII);
            // No early exit: every secret is tried, so the time does not tell which one matched.
            matched |= MessageDigest.isEqual(expected, given);
        }
        return matched ? Outcome.VALID : Outcome.MISMATCH;
    }

    private static String hmacHex(String algorithm, String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
