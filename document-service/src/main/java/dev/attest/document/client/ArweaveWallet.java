package dev.attest.document.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The platform's Arweave wallet: an RSA key in JWK form (as Arweave wallets are), which signs every transaction
 * and pays for it, so users never hold tokens. The JWK is a secret: never logged, kept in the secrets store.
 */
public final class ArweaveWallet {
    /** RSA-PSS with SHA-256 and MGF1-SHA-256, the signature Arweave nodes verify; the salt is the hash's length. */
    private static final PSSParameterSpec PSS =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private final PrivateKey privateKey;
    private final RSAPublicKey publicKey;

    private ArweaveWallet(PrivateKey privateKey, RSAPublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Reads an Arweave key file (a JWK with {@code n, e, d, p, q, dp, dq, qi}). */
    public static ArweaveWallet fromJwk(String jwk) {
        try {
            JsonNode key = new ObjectMapper().readTree(jwk);
            BigInteger n = number(key, "n");
            BigInteger e = number(key, "e");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new RSAPrivateCrtKeySpec(
                    n,
                    e,
                    number(key, "d"),
                    number(key, "p"),
                    number(key, "q"),
                    number(key, "dp"),
                    number(key, "dq"),
                    number(key, "qi")));
            return new ArweaveWallet(privateKey, (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(n, e)));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // Never the key's text in the message: it is a secret.
            throw new IllegalArgumentException("the Arweave wallet is not a valid RSA JWK");
        }
    }

    /** The owner field of a transaction: the public modulus, base64url. */
    public String owner() {
        return Base64Url.encode(modulus(publicKey));
    }

    /** The wallet's address: base64url of the SHA-256 of the modulus. */
    public String address() {
        try {
            return Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(modulus(publicKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("RSASSA-PSS");
            signature.setParameter(PSS);
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the Arweave wallet", e);
        }
    }

    /**
     * Whether {@code signature} over {@code message} verifies under the owner's modulus. RSA-PSS fixes no salt length
     * and Arweave nodes accept any: the salts of this wallet (32 bytes) and of arweave-js (the maximum) are tried.
     */
    public static boolean verify(String owner, byte[] message, byte[] signature) {
        try {
            BigInteger n = new BigInteger(1, Base64Url.decode(owner));
            PublicKey key =
                    KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, BigInteger.valueOf(65537)));
            int maxSalt = (n.bitLength() + 7) / 8 - 32 - 2;
            for (int salt : new int[] {32, maxSalt}) {
                Signature verifier = Signature.getInstance("RSASSA-PSS");
                verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, salt, 1));
                verifier.initVerify(key);
                verifier.update(message);
                if (verifier.verify(signature)) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static BigInteger number(JsonNode key, String field) {
        JsonNode value = key.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return new BigInteger(1, Base64.getUrlDecoder().decode(value.asText()));
    }

    /** The modulus as unsigned big-endian bytes, without BigInteger's sign byte. */
    private static byte[] modulus(RSAPublicKey key) {
        byte[] bytes = key.getModulus().toByteArray();
        if (bytes[0] == 0) {
            byte[] unsigned = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, unsigned, 0, unsigned.length);
            return unsigned;
        }
        return bytes;
    }
}
