package dev.attest.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
    private static final String KEY_A = "old:" + key(1);
    private static final String KEY_B = "new:" + key(2);
    private static final String CONTEXT = "org:acme/persona.api-key";
    private static final String SECRET = "persona_sandbox_3c1f0f2e-secret";

    private final SecretCipher cipher = SecretCipher.of(List.of(KEY_A), "old");

    @Test
    void encryptedSecretOpensWithTheSameContext() {
        String envelope = cipher.encrypt(SECRET, CONTEXT);

        assertThat(envelope).startsWith("v1:old:").doesNotContain(SECRET);
        assertThat(cipher.decrypt(envelope, CONTEXT)).isEqualTo(SECRET);
    }

    @Test
    void everyEncryptionIsFresh() {
        Set<String> envelopes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            envelopes.add(cipher.encrypt(SECRET, CONTEXT));
        }
        assertThat(envelopes).hasSize(10_000);
    }

    @Test
    void tamperedCiphertextIsRefused() {
        String envelope = cipher.encrypt(SECRET, CONTEXT);
        String[] parts = envelope.split(":");
        byte[] sealed = Base64.getUrlDecoder().decode(parts[3]);
        sealed[sealed.length / 2] ^= 0x01;
        String tampered = String.join(
                ":",
                parts[0],
                parts[1],
                parts[2],
                Base64.getUrlEncoder().withoutPadding().encodeToString(sealed));

        assertThatThrownBy(() -> cipher.decrypt(tampered, CONTEXT))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("does not authenticate");
    }

    @Test
    void tamperedDataKeyIsRefused() {
        String envelope = cipher.encrypt(SECRET, CONTEXT);
        String[] parts = envelope.split(":");
        byte[] sealedKey = Base64.getUrlDecoder().decode(parts[2]);
        sealedKey[0] ^= 0x01; // the nonce of the data key
        String tampered = String.join(
                ":", parts[0], parts[1], Base64.getUrlEncoder().withoutPadding().encodeToString(sealedKey), parts[3]);

        assertThatThrownBy(() -> cipher.decrypt(tampered, CONTEXT)).isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void secretMovedToAnotherContextIsRefused() {
        String envelope = cipher.encrypt(SECRET, CONTEXT);

        assertThatThrownBy(() -> cipher.decrypt(envelope, "org:other/persona.api-key"))
                .isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void wrongMasterKeyUnderTheSameIdIsRefused() {
        String envelope = cipher.encrypt(SECRET, CONTEXT);
        SecretCipher impostor = SecretCipher.of(List.of("old:" + key(9)), "old");

        assertThatThrownBy(() -> impostor.decrypt(envelope, CONTEXT)).isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void unknownMasterKeyIdIsRefused() {
        String envelope = cipher.encrypt(SECRET, CONTEXT);
        SecretCipher other = SecretCipher.of(List.of(KEY_B), "new");

        assertThatThrownBy(() -> other.decrypt(envelope, CONTEXT))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("old is not configured");
    }

    @Test
    void garbageIsRefused() {
        assertThatThrownBy(() -> cipher.decrypt("plaintext-api-key", CONTEXT))
                .isInstanceOf(SecretDecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:old:!!:!!", CONTEXT)).isInstanceOf(SecretDecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:old:AAAA:AAAA", CONTEXT))
                .isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void rotationRewrapsUnderTheActiveKeyAndOldKeyCanThenBeRetired() {
        String sealedUnderOld = cipher.encrypt(SECRET, CONTEXT);
        SecretCipher rotated = SecretCipher.of(List.of(KEY_B, KEY_A), "new");

        assertThat(rotated.decrypt(sealedUnderOld, CONTEXT)).isEqualTo(SECRET);
        assertThat(rotated.needsRewrap(sealedUnderOld)).isTrue();

        String rewrapped = rotated.rewrap(sealedUnderOld, CONTEXT);

        assertThat(rotated.needsRewrap(rewrapped)).isFalse();
        SecretCipher retired = SecretCipher.of(List.of(KEY_B), "new");
        assertThat(retired.decrypt(rewrapped, CONTEXT)).isEqualTo(SECRET);
        assertThatThrownBy(() -> retired.decrypt(sealedUnderOld, CONTEXT))
                .isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void badKeyConfigurationIsRefusedWithoutEchoingTheKey() {
        assertThatThrownBy(() ->
                        SecretCipher.of(List.of("short:" + Base64.getEncoder().encodeToString(new byte[16])), "short"))
                .hasMessageContaining("must be 32 bytes");
        assertThatThrownBy(() -> SecretCipher.of(List.of("bad:not-base64-$$$"), "bad"))
                .hasMessage("master key bad is not valid base64");
        assertThatThrownBy(() -> SecretCipher.of(List.of(KEY_A), "missing"))
                .hasMessageContaining("active master key missing");
    }

    private static String key(int seed) {
        byte[] material = new byte[32];
        for (int i = 0; i < material.length; i++) {
            material[i] = (byte) (seed * 31 + i);
        }
        return Base64.getEncoder().encodeToString(material);
    }
}
