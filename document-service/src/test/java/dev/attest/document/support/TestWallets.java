package dev.attest.document.support;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;

/** Arweave wallets for tests: fresh 4096-bit RSA keys written as Arweave's JWK key files are. */
public final class TestWallets {
    private TestWallets() {}

    public static String newJwk() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(4096);
            KeyPair pair = generator.generateKeyPair();
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) pair.getPrivate();
            return "{\"kty\":\"RSA\",\"e\":\"" + b64(key.getPublicExponent()) + "\",\"n\":\"" + b64(key.getModulus())
                    + "\",\"d\":\"" + b64(key.getPrivateExponent()) + "\",\"p\":\"" + b64(key.getPrimeP())
                    + "\",\"q\":\"" + b64(key.getPrimeQ()) + "\",\"dp\":\"" + b64(key.getPrimeExponentP())
                    + "\",\"dq\":\"" + b64(key.getPrimeExponentQ()) + "\",\"qi\":\"" + b64(key.getCrtCoefficient())
                    + "\"}";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
