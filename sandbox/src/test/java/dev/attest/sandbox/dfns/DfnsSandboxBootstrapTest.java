package dev.attest.sandbox.dfns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local stack's service account, registered from configuration at start. */
@QuarkusTest
@TestProfile(DfnsSandboxBootstrapTest.Bootstrapped.class)
class DfnsSandboxBootstrapTest {
    // The profile and the test live in different class loaders: the key travels as a system property.
    private static final String KEY_PROPERTY = "dfns-bootstrap-test.private-key";
    private static final String PUBLIC_PROPERTY = "dfns-bootstrap-test.public-key";

    public static class Bootstrapped implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Called more than once per start: the key pair is made once and kept.
            if (System.getProperty(PUBLIC_PROPERTY) == null) {
                KeyPair keys = SigningClient.newKeys("Ed25519");
                System.setProperty(
                        KEY_PROPERTY,
                        Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
                System.setProperty(PUBLIC_PROPERTY, SigningClient.pem(keys));
            }
            return Map.of(
                    "sandbox.dfns.bootstrap.token", "local-stack-token",
                    "sandbox.dfns.bootstrap.credential-id", "cr-local",
                    "sandbox.dfns.bootstrap.public-key", System.getProperty(PUBLIC_PROPERTY),
                    "sandbox.dfns.faucet-private-key", "");
        }
    }

    @Test
    void theConfiguredAccountAuthenticatesAndSignsUserActions() throws Exception {
        PrivateKey key = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(System.getProperty(KEY_PROPERTY))));
        ObjectNode account = DfnsJson.object()
                .put("token", "local-stack-token")
                .put("credentialId", "cr-local")
                .put("orgId", "or-sandbox-default");
        SigningClient client = SigningClient.of(new KeyPair(null, key), account);
        client.get("/dfns/wallets").then().statusCode(200);
        client.post(
                        "/dfns/wallets/wa-none/transfers",
                        "{\"kind\":\"Native\",\"to\":\"0x" + "12".repeat(20) + "\",\"amount\":\"1\"}")
                .then()
                .statusCode(404);
    }
}
