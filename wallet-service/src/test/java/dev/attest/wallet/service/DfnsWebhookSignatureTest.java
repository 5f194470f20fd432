package dev.attest.wallet.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DfnsWebhookSignatureTest {
    // Vector from ../shared/design/provider-apis.md §2.4.
    private static final String SECRET = "whsec_test";
    private static final byte[] BODY = "{\"id\":\"wh-test\",\"kind\":\"wallet.created\",\"timestampSent\":1700000000}"
            .getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "sha256=6ded4d414076bf9028559610d7130759314a4fc5210437d9f323ec2be8d45f0f";

    @Test
    void thePublishedVectorVerifies() {
        assertThat(DfnsWebhookService.signatureMatches(SECRET, SIGNATURE, BODY)).isTrue();
        assertThat(DfnsWebhookService.signatureMatches(
                        SECRET, SIGNATURE.toUpperCase().replace("SHA256=", "sha256="), BODY))
                .isTrue();
    }

    @Test
    void anythingElseDoesNot() {
        assertThat(DfnsWebhookService.signatureMatches("whsec_other", SIGNATURE, BODY))
                .isFalse();
        assertThat(DfnsWebhookService.signatureMatches(SECRET, SIGNATURE.substring(7), BODY))
                .isFalse();
        assertThat(DfnsWebhookService.signatureMatches(SECRET, "sha256=zz", BODY))
                .isFalse();
        assertThat(DfnsWebhookService.signatureMatches(SECRET, null, BODY)).isFalse();
        byte[] changed = BODY.clone();
        changed[5] ^= 1;
        assertThat(DfnsWebhookService.signatureMatches(SECRET, SIGNATURE, changed))
                .isFalse();
    }
}
