package dev.attest.common.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of secrets at rest (provider API keys, webhook secrets, signing keys).
 *
 * <p>Each secret gets its own random AES-256 data key; the secret is sealed with AES-256-GCM under the
 * data key, and the data key is sealed under the active master key. The stored text names the master
 * key's id, so the master key can rotate: old secrets still open with their key while it is listed, and
 * {@link #rewrap} moves them to the active key without touching the data. A context string (for example
 * {@code org:42/persona.api-key}) is bound as associated data, so a ciphertext copied to another row or
 * field does not open.
 *
 * <p>Format: {@code v1:<key id>:<base64url(nonce ‖ sealed data key)>:<base64url(nonce ‖ sealed secret)>}.
 */
@ApplicationScoped
public class SecretCipher {
    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecureRandom random = new SecureRandom();
    private final CryptoConfig config;
    private volatile MasterKeys keys;

    SecretCipher(CryptoConfig config) {
        this.config = config;
    }

    /** For code outside CDI (tools, tests): a cipher over the given key ring. */
    public static SecretCipher of(java.util.List<String> masterKeys, String activeKeyId) {
        SecretCipher cipher = new SecretCipher(null);
        cipher.keys = MasterKeys.parse(masterKeys, activeKeyId);
        return cipher;
    }

    /** Seals {@code plaintext}, bound to {@code context}. */
    public String encrypt(String plaintext, String context) {
        MasterKeys ring = keys();
        SecretKey dataKey = newDataKey();
        byte[] sealedSecret = seal(dataKey, plaintext.getBytes(StandardCharsets.UTF_8), aad(ring.activeId(), context));
        byte[] sealedKey = seal(ring.active(), dataKey.getEncoded(), aad(ring.activeId(), "data-key"));
        return String.join(
                ":", VERSION, ring.activeId(), ENCODER.encodeToString(sealedKey), ENCODER.encodeToString(sealedSecret));
    }

    /** Opens a secret sealed by {@link #encrypt} with the same {@code context}. */
    public String decrypt(String envelope, String context) {
        Envelope parsed = Envelope.parse(envelope);
        SecretKey dataKey = openDataKey(parsed);
        byte[] plaintext = open(dataKey, parsed.sealedSecret(), aad(parsed.keyId(), context));
        return new String(plaintext, StandardCharsets.UTF_8);
    }

    /** The id of the master key that seals new secrets. */
    public String activeKeyId() {
        return keys().activeId();
    }

    /** Whether {@code envelope} is sealed under a master key other than the active one. */
    public boolean needsRewrap(String envelope) {
        return !Envelope.parse(envelope).keyId().equals(keys().activeId());
    }

    /** Re-seals the data key of {@code envelope} under the active master key; the secret itself is untouched. */
    public String rewrap(String envelope, String context) {
        // Decrypting first proves the envelope is intact and belongs to this context before it is re-sealed.
        return encrypt(decrypt(envelope, context), context);
    }

    private SecretKey openDataKey(Envelope envelope) {
        SecretKey master = keys().byId(envelope.keyId())
                .orElseThrow(
                        () -> new SecretDecryptionException("master key " + envelope.keyId() + " is not configured"));
        return new SecretKeySpec(open(master, envelope.sealedKey(), aad(envelope.keyId(), "data-key")), "AES");
    }

    private MasterKeys keys() {
        MasterKeys ring = keys;
        if (ring == null) {
            // Parsed on first use so services that hold no secrets need no keys configured.
            ring = MasterKeys.parse(
                    config.masterKeys()
                            .orElseThrow(() -> new IllegalStateException("attest.crypto.master-keys is not set")),
                    config.activeKeyId()
                            .orElseThrow(() -> new IllegalStateException("attest.crypto.active-key-id is not set")));
            keys = ring;
        }
        return ring;
    }

    private static byte[] aad(String keyId, String context) {
        return (VERSION + "|" + keyId + "|" + context).getBytes(StandardCharsets.UTF_8);
    }

    private SecretKey newDataKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is not available", e);
        }
    }

    private byte[] seal(SecretKey key, byte[] plaintext, byte[] aad) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    private static byte[] open(SecretKey key, byte[] nonceAndSealed, byte[] aad) {
        if (nonceAndSealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretDecryptionException("sealed value is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonceAndSealed, 0, NONCE_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(nonceAndSealed, NONCE_BYTES, nonceAndSealed.length - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretDecryptionException(
                    "secret does not authenticate: tampered, wrong key or wrong context", e);
        } catch (GeneralSecurityException e) {
            throw new SecretDecryptionException("secret cannot be decrypted", e);
        }
    }

    private record Envelope(String keyId, byte[] sealedKey, byte[] sealedSecret) {
        static Envelope parse(String text) {
            String[] parts = text == null ? new String[0] : text.split(":", -1);
            if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[1].isEmpty()) {
                throw new SecretDecryptionException("not an encrypted secret of format " + VERSION);
            }
            try {
                return new Envelope(parts[1], DECODER.decode(parts[2]), DECODER.decode(parts[3]));
            } catch (IllegalArgumentException e) {
                throw new SecretDecryptionException("encrypted secret is not valid base64url", e);
            }
        }
    }
}
