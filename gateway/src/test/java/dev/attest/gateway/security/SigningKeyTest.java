package dev.attest.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

    @Test
    void configuredPemKeyPublishesItsOwnPublicKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        SigningKey key = new SigningKey(Optional.of(pem), false);

        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(new java.util.HashMap<>(key.publicJwk()));
        ECPublicKey published = (ECPublicKey) jwk.getPublicKey();
        assertThat(published.getW()).isEqualTo(((ECPublicKey) pair.getPublic()).getW());
        assertThat(jwk.getKeyId()).isEqualTo(key.keyId());
        assertThat(key.publicJwk()).doesNotContainKey("d").containsEntry(JsonWebKey.ALGORITHM_PARAMETER, "ES256");
    }

    @Test
    void withoutKeyAndWithoutEphemeralPermissionTheGatewayRefusesToStart() {
        assertThatThrownBy(() -> new SigningKey(Optional.empty(), false))
                .hasMessageContaining("attest.gateway.signing-key");
    }

    @Test
    void malformedKeyIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> new SigningKey(
                        Optional.of("-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----"), false))
                .hasMessageNotContaining("c2VjcmV0")
                .hasMessageContaining("not a PKCS#8");
    }
}
