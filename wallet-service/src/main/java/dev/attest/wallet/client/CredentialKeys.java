package dev.attest.wallet.client;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Dfns credential private keys (Ed25519, ECDSA P-256, RSA) read from PEM with BouncyCastle (PKCS#8,
 * SEC1 {@code EC PRIVATE KEY} and PKCS#1 {@code RSA PRIVATE KEY}), and the signature Dfns expects over
 * clientData: ECDSA with SHA-256 in DER, RSA PKCS#1 v1.5 with SHA-256, pure Ed25519.
 */
public final class CredentialKeys {
    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private CredentialKeys() {}

    /** Parses a private key; the message of the exception never contains key material. */
    public static PrivateKey parsePrivateKey(String pem) {
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(pem == null ? "" : pem))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the private key is not a readable PEM key");
        }
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(PROVIDER);
            PrivateKey key;
            if (parsed instanceof PrivateKeyInfo info) {
                key = converter.getPrivateKey(info);
            } else if (parsed instanceof PEMKeyPair pair) {
                key = converter.getKeyPair(pair).getPrivate();
            } else {
                throw new IllegalArgumentException(
                        "the private key must be an unencrypted PEM private key (PKCS#8, EC or RSA)");
            }
            algorithmOf(key);
            return key;
        } catch (org.bouncycastle.openssl.PEMException e) {
            throw new IllegalArgumentException("the private key is not a supported key");
        }
    }

    /** Signs {@code data} as Dfns verifies a credential's assertion. */
    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(algorithmOf(key), PROVIDER);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the Dfns credential key", e);
        }
    }

    private static String algorithmOf(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException(
                    "the private key must be Ed25519, ECDSA P-256 or RSA, not " + key.getAlgorithm());
        };
    }
}
