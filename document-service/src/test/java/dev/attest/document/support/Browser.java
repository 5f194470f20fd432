package dev.attest.document.support;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the console does in a person's browser with WebCrypto, done the same way in Java for the service's tests: an
 * RSA-OAEP-256 key pair per person, AES-256-GCM per document under a fresh data key (12-byte nonce first, the case and
 * requirement as associated data), the data key wrapped with RSA-OAEP (SHA-256, MGF1-SHA-256, empty label).
 */
public final class Browser {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final KeyPair keys;

    public Browser() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK the console registers. */
    public String publicJwk() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        return "{\"kty\":\"RSA\",\"alg\":\"RSA-OAEP-256\",\"e\":\"AQAB\",\"n\":\"" + b64(unsigned(key.getModulus()))
                + "\"}";
    }

    public record Sealed(byte[] ciphertext, byte[] dataKey) {
        public String sha256() {
            try {
                return b64(MessageDigest.getInstance("SHA-256").digest(ciphertext));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static Sealed encrypt(byte[] plaintext, String associatedData) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            SecretKey dataKey = generator.generateKey();
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(128, nonce));
            gcm.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = gcm.doFinal(plaintext);
            byte[] out = new byte[12 + sealed.length];
            System.arraycopy(nonce, 0, out, 0, 12);
            System.arraycopy(sealed, 0, out, 12, sealed.length);
            return new Sealed(out, dataKey.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] decrypt(byte[] ciphertext, byte[] dataKey, String associatedData)
            throws GeneralSecurityException {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(
                Cipher.DECRYPT_MODE,
                new SecretKeySpec(dataKey, "AES"),
                new GCMParameterSpec(128, Arrays.copyOfRange(ciphertext, 0, 12)));
        gcm.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return gcm.doFinal(ciphertext, 12, ciphertext.length - 12);
    }

    /** Wraps a data key for the holder of {@code publicJwkModulus} (base64url n of an RSA key with e = 65537). */
    public static String wrap(byte[] dataKey, String modulus) {
        try {
            RSAPublicKey key = (RSAPublicKey) java.security.KeyFactory.getInstance("RSA")
                    .generatePublic(new java.security.spec.RSAPublicKeySpec(
                            new BigInteger(1, Base64.getUrlDecoder().decode(modulus)), BigInteger.valueOf(65537)));
            Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
            oaep.init(Cipher.ENCRYPT_MODE, key, oaepSha256());
            return b64(oaep.doFinal(dataKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] unwrap(String wrapped) throws GeneralSecurityException {
        Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
        oaep.init(Cipher.DECRYPT_MODE, keys.getPrivate(), oaepSha256());
        return oaep.doFinal(Base64.getUrlDecoder().decode(wrapped));
    }

    private static OAEPParameterSpec oaepSha256() {
        return new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
