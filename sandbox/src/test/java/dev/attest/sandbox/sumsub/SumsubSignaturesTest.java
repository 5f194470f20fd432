package dev.attest.sandbox.sumsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Test vectors computed by hand, outside Java ({@code printf '%s' "$ts$METHOD$path$body" | openssl dgst -sha256
 * -hmac secret_key}, and Python's {@code hmac} for the digests): Sumsub publishes the recipe, not a worked example.
 */
class SumsubSignaturesTest {
    private static final byte[] WEBHOOK =
            "{\"applicantId\":\"a1\",\"type\":\"applicantReviewed\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void requestSignatureIsHexHmacSha256OverTimestampMethodPathWithQueryAndBody() {
        String signature = SumsubSignatures.requestSignature(
                "secret_key",
                "1607551635",
                "post",
                "/resources/applicants?levelName=basic-kyc-level",
                "{\"externalUserId\":\"user-1\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(signature).isEqualTo("773c22a78ad303702b25d9f46b44e7ccf2ef628766ac2b03cfc0e5d9f5dc7a7f");
    }

    @Test
    void payloadDigestIsHexHmacOfTheRawBodyInEachAlgorithm() {
        assertThat(SumsubSignatures.payloadDigest(SumsubSignatures.DigestAlg.HMAC_SHA1_HEX, "webhook_secret", WEBHOOK))
                .isEqualTo("6dc876b36772965b08bcb733d8adcd9ae0eb6bd1");
        assertThat(SumsubSignatures.payloadDigest(
                        SumsubSignatures.DigestAlg.HMAC_SHA256_HEX, "webhook_secret", WEBHOOK))
                .isEqualTo("8bbd1545f06bafe781d6477193f5493f79b9c61ce141a2b8fb81118db8acc56b");
        assertThat(SumsubSignatures.payloadDigest(
                        SumsubSignatures.DigestAlg.HMAC_SHA512_HEX, "webhook_secret", WEBHOOK))
                .isEqualTo(
                        "946bba6bce6ce8193d0e1f5f28d74e839aed10296b77b13961250ffb03b79a2f74d48d647f5206604afce1de3a2a8b40f759cd5c693d26a2d147c33da0770e5a");
    }
}
