package dev.attest.sandbox.sumsub;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Sumsub's two HMACs: the app-token request signature and the webhook payload digest, both lowercase hex. */
public final class SumsubSignatures {
    private SumsubSignatures() {}

    /** {@code X-App-Access-Sig}: HMAC-SHA256(secret key, ts + METHOD + path-with-query + body). */
    public static String requestSignature(
            String secretKey, String ts, String method, String pathWithQuery, byte[] body) {
        byte[] head = (ts + method.toUpperCase(Locale.ROOT) + pathWithQuery).getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[head.length + body.length];
        System.arraycopy(head, 0, message, 0, head.length);
        System.arraycopy(body, 0, message, head.length, body.length);
        return hmacHex("HmacSHA256", secretKey, message);
    }

    /** {@code X-Payload-Digest}: HMAC of the raw body with the webhook secret, by {@code X-Payload-Digest-Alg}. */
    public static String payloadDigest(DigestAlg alg, String webhookSecret, byte[] body) {
        return hmacHex(alg.jcaName, webhookSecret, body);
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

    /** The values of {@code X-Payload-Digest-Alg} Sumsub sends. */
    public enum DigestAlg {
        HMAC_SHA1_HEX("HmacSHA1"),
        HMAC_SHA256_HEX("HmacSHA256"),
        HMAC_SHA512_HEX("HmacSHA512");

        private final String jcaName;

        DigestAlg(String jcaName) {
            this.jcaName = jcaName;
        }

        static Optional<DigestAlg> parse(String value) {
            for (DigestAlg alg : values()) {
                if (alg.name().equals(value)) {
                    return Optional.of(alg);
                }
            }
            return Optional.empty();
        }
    }
}
