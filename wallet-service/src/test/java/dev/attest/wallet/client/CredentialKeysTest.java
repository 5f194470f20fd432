package dev.attest.wallet.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attest.wallet.support.DfnsAccount;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialKeysTest {
    private static final byte[] CLIENT_DATA =
            "{\"type\":\"key.get\",\"challenge\":\"abc\"}".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @CsvSource({"EC,SHA256withECDSA", "Ed25519,Ed25519", "RSA,SHA256withRSA"})
    void aPkcs8KeySignsWhatItsPublicKeyVerifies(String algorithm, String verification) throws Exception {
        KeyPair keys = DfnsAccount.newKeys(algorithm);
        PrivateKey parsed = CredentialKeys.parsePrivateKey(
                DfnsAccount.pem("PRIVATE KEY", keys.getPrivate().getEncoded()));

        byte[] signature = CredentialKeys.sign(parsed, CLIENT_DATA);

        Signature verifier = Signature.getInstance(verification);
        verifier.initVerify(keys.getPublic());
        verifier.update(CLIENT_DATA);
        assertThat(verifier.verify(signature)).isTrue();
        if (algorithm.equals("EC")) {
            assertThat(signature[0]).as("DER SEQUENCE, not raw r||s").isEqualTo((byte) 0x30);
        }
    }

    @Test
    void somethingElseIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> CredentialKeys.parsePrivateKey("secret-ish garbage"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("garbage");
        assertThatThrownBy(() -> CredentialKeys.parsePrivateKey(DfnsAccount.pem(
                        "PUBLIC KEY", DfnsAccount.newKeys("EC").getPublic().getEncoded())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
