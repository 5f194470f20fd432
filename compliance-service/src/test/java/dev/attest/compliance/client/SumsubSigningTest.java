package dev.attest.compliance.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The signer against the sandbox's vectors (SumsubSignaturesTest: computed with {@code openssl dgst -hmac} and Python's
 * {@code hmac}, outside Java), and the webhook digest check's refusals.
 */
class SumsubSigningTest {
    private static final byte[] WEBHOOK =
            "{\"applicantId\":\"a1\",\"type\":\"applicantReviewed\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsRequestsAsSumsubDoes() {
        assertThat(SumsubSigning.requestSignature(
                        "secret_key",
                        1607551635L,
                        "post",
                        "/resources/applicants?levelName=basic-kyc-level",
                        "{\"externalUserId\":\"user-1\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("773c22a78ad303702b25d9f46b44e7ccf2ef628766ac2b03cfc0e5d9f5dc7a7f");
    }

    @Test
    void digestsWebhooksWithEachAlgorithm() {
        assertThat(SumsubSigning.DigestAlg.HMAC_SHA1_HEX.digest("webhook_secret", WEBHOOK))
                .isEqualTo("6dc876b36772965b08bcb733d8adcd9ae0eb6bd1");
        assertThat(SumsubSigning.DigestAlg.HMAC_SHA256_HEX.digest("webhook_secret", WEBHOOK))
                .isEqualTo("8bbd1545f06bafe781d6477193f5493f79b9c61ce141a2b8fb81118db8acc56b");
        assertThat(SumsubSigning.DigestAlg.HMAC_SHA512_HEX.digest("webhook_secret", WEBHOOK))
                .isEqualTo("946bba6bce6ce8193d0e1f5f28d74e839aed10296b77b13961250ffb03b79a2f"
                        + "74d48d647f5206604afce1de3a2a8b40f759cd5c693d26a2d147c33da0770e5a");
    }

    @Test
    void verifiesTheDigestWithTheNamedAlgorithmAndAnyConfiguredSecret() {
        String sha512 = SumsubSigning.DigestAlg.HMAC_SHA512_HEX.digest("webhook_secret", WEBHOOK);
        List<String> rotating = List.of("new_secret", "webhook_secret");
        assertThat(SumsubSigning.verify(sha512, "HMAC_SHA512_HEX", WEBHOOK, rotating))
                .isEqualTo(SumsubSigning.Outcome.VALID);
        // Without the header, Sumsub's default (SHA-256).
        assertThat(SumsubSigning.verify(
                        "8bbd1545f06bafe781d6477193f5493f79b9c61ce141a2b8fb81118db8acc56b", null, WEBHOOK, rotating))
                .isEqualTo(SumsubSigning.Outcome.VALID);
    }

    @Test
    void refusesMissingForgedAndMislabelledDigests() {
        String sha256 = SumsubSigning.DigestAlg.HMAC_SHA256_HEX.digest("webhook_secret", WEBHOOK);
        List<String> secrets = List.of("webhook_secret");
        assertThat(SumsubSigning.verify(null, "HMAC_SHA256_HEX", WEBHOOK, secrets))
                .isEqualTo(SumsubSigning.Outcome.MISSING);
        assertThat(SumsubSigning.verify(sha256, "HMAC_MD5_HEX", WEBHOOK, secrets))
                .isEqualTo(SumsubSigning.Outcome.UNKNOWN_ALG);
        assertThat(SumsubSigning.verify("not hex", "HMAC_SHA256_HEX", WEBHOOK, secrets))
                .isEqualTo(SumsubSigning.Outcome.MALFORMED);
        // The right digest under the wrong algorithm's name, another secret's digest, the body changed.
        assertThat(SumsubSigning.verify(sha256, "HMAC_SHA512_HEX", WEBHOOK, secrets))
                .isEqualTo(SumsubSigning.Outcome.MISMATCH);
        assertThat(SumsubSigning.verify(sha256, "HMAC_SHA256_HEX", WEBHOOK, List.of("other_secret")))
                .isEqualTo(SumsubSigning.Outcome.MISMATCH);
        assertThat(SumsubSigning.verify(sha256, "HMAC_SHA256_HEX", "{}".getBytes(StandardCharsets.UTF_8), secrets))
                .isEqualTo(SumsubSigning.Outcome.MISMATCH);
        assertThat(SumsubSigning.verify(sha256, "HMAC_SHA256_HEX", WEBHOOK, List.of()))
                .isEqualTo(SumsubSigning.Outcome.MISMATCH);
    }
}
