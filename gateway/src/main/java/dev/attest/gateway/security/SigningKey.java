package dev.attest.gateway.security;

import dev.attest.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.jboss.logging.Logger;

/**
 * The key pair that signs gateway tokens: the configured private key, or, where allowed (dev, test), an
 * ephemeral one made at startup. The key id is a thumbprint of the public key, so a rotated key gets a
 * new id and services pick the right key from the JWKS.
 */
@ApplicationScoped
public class SigningKey {
    private static final Logger LOG = Logger.getLogger(SigningKey.class);

    private final ECPrivateKey privateKey;
    private final ECPublicKey publicKey;
    private final String keyId;

    @Inject
    SigningKey(GatewayConfig config) {
        this(config.signingKey(), config.ephemeralSigningKeyAllowed());
    }

    SigningKey(Optional<String> pem, boolean ephemeralAllowed) {
        KeyPair pair;
        if (pem.isPresent()) {
            pair = fromPem(pem.get());
        } else if (ephemeralAllowed) {
            pair = ephemeral();
            LOG.warn("No attest.gateway.signing-key configured: signing gateway tokens with an EPHEMERAL key"
                    + " made at startup; tokens will not verify after a restart");
        } else {
            throw new IllegalStateException(
                    "attest.gateway.signing-key (ATTEST_GATEWAY_SIGNING_KEY) is required: a PKCS#8 PEM EC P-256 key");
        }
        this.privateKey = (ECPrivateKey) pair.getPrivate();
        this.publicKey = (ECPublicKey) pair.getPublic();
        this.keyId = thumbprint(publicKey);
    }

    public ECPrivateKey privateKey() {
        return privateKey;
    }

    public String keyId() {
        return keyId;
    }

    /** The public key as a JWK (RFC 7517), for the JWKS document. */
    public Map<String, String> publicJwk() {
        Map<String, String> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", "P-256");
        jwk.put("use", "sig");
        jwk.put("alg", "ES256");
        jwk.put("kid", keyId);
        jwk.put("x", coordinate(publicKey.getW().getAffineX()));
        jwk.put("y", coordinate(publicKey.getW().getAffineY()));
        return jwk;
    }

    private static KeyPair fromPem(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            ECPrivateKey key = (ECPrivateKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            // A PKCS#8 key need not carry its public half: derive it (Q = d·G on P-256).
            var curve = ECNamedCurveTable.getParameterSpec("secp256r1");
            var q = curve.getG().multiply(key.getS()).normalize();
            ECPoint point = new ECPoint(
                    q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
            ECPublicKey publicKey = (ECPublicKey) factory.generatePublic(new ECPublicKeySpec(point, key.getParams()));
            return new KeyPair(publicKey, key);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            // Never echo the key material itself.
            throw new IllegalStateException("attest.gateway.signing-key is not a PKCS#8 PEM EC P-256 private key");
        }
    }

    private static KeyPair ephemeral() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String thumbprint(ECPublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A P-256 coordinate as the 32 big-endian bytes JWK wants, base64url. */
    private static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }
}
