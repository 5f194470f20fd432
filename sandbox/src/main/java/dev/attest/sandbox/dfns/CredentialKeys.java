package dev.attest.sandbox.dfns;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Credential public keys as Dfns accepts them (Ed25519, ECDSA P-256, RSA 2048) and the verification of
 * what a credential signs: the raw clientData bytes, ECDSA in DER with SHA-256, RSA PKCS#1 v1.5 with
 * SHA-256, Ed25519 pure (what Node's {@code crypto.sign} produces in {@code @dfns/sdk-keysigner}).
 */
final class CredentialKeys {
    private static final String[] KEY_ALGORITHMS = {"Ed25519", "EC", "RSA"};

    private CredentialKeys() {}

    /** Parses an SPKI public key in PEM; anything else is the caller's error. */
    static PublicKey parsePem(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw DfnsApiException.badRequest("publicKey is not a PEM public key");
        }
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw DfnsApiException.badRequest("publicKey must be an Ed25519, ECDSA P-256 or RSA public key");
    }

    /** Whether {@code signature} is {@code key}'s signature over {@code clientData}. */
    static boolean verifies(PublicKey key, byte[] clientData, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(signatureAlgorithm(key));
            verifier.initVerify(key);
            verifier.update(clientData);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String signatureAlgorithm(PublicKey key) {
        return switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> "Ed25519";
        };
    }

    static byte[] base64Url(String text) {
        try {
            return Base64.getUrlDecoder().decode(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw DfnsApiException.badRequest("not base64url: " + text.substring(0, Math.min(8, text.length())));
        }
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
