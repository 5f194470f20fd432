package dev.attest.sandbox.dfns;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Calls the stand-in as a Dfns service account does: bearer token, and user-action signing for writes. */
final class SigningClient {
    final KeyPair keys;
    final String token;
    final String credentialId;
    final String orgId;

    private SigningClient(KeyPair keys, ObjectNode account) {
        this.keys = keys;
        this.token = account.get("token").asText();
        this.credentialId = account.get("credentialId").asText();
        this.orgId = account.get("orgId").asText();
    }

    static SigningClient of(KeyPair keys, ObjectNode account) {
        return new SigningClient(keys, account);
    }

    static KeyPair newKeys(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else if (algorithm.equals("RSA")) {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** Registers a new service account whose credential is a fresh key of {@code algorithm}. */
    static SigningClient register(String algorithm) {
        KeyPair keys = newKeys(algorithm);
        ObjectNode request = DfnsJson.object().put("publicKey", pem(keys));
        String answer = given().body(DfnsJson.write(request))
                .post("/dfns/_sandbox/service-accounts")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return new SigningClient(keys, DfnsJson.parseObject(answer));
    }

    Response get(String path) {
        return given().header("Authorization", "Bearer " + token).get(path);
    }

    /** Obtains a user-action token for {@code POST path} with {@code body}, signed with this client's key. */
    String userAction(String path, String body) {
        ObjectNode init = DfnsJson.object()
                .put("userActionPayload", body)
                .put("userActionHttpMethod", "POST")
                .put("userActionHttpPath", path)
                .put("userActionServerKind", "Api");
        ObjectNode challenge = DfnsJson.parseObject(given().header("Authorization", "Bearer " + token)
                .body(DfnsJson.write(init))
                .post("/dfns/auth/action/init")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        byte[] clientData = ("{\"type\":\"key.get\",\"challenge\":\""
                        + challenge.get("challenge").asText() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        ObjectNode signed = DfnsJson.object()
                .put("challengeIdentifier", challenge.get("challengeIdentifier").asText());
        ObjectNode factor = signed.putObject("firstFactor").put("kind", "Key");
        factor.putObject("credentialAssertion")
                .put("credId", credentialId)
                .put("clientData", CredentialKeys.base64Url(clientData))
                .put("signature", CredentialKeys.base64Url(sign(clientData)));
        return DfnsJson.parseObject(given().header("Authorization", "Bearer " + token)
                        .body(DfnsJson.write(signed))
                        .post("/dfns/auth/action")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .get("userAction")
                .asText();
    }

    Response post(String path, String body) {
        return postWithAction(path, body, userAction(path, body));
    }

    Response postWithAction(String path, String body, String action) {
        return given().header("Authorization", "Bearer " + token)
                .header("x-dfns-useraction", action)
                .contentType("application/json")
                .body(body)
                .post(path);
    }

    private byte[] sign(byte[] data) {
        String algorithm =
                switch (keys.getPrivate().getAlgorithm()) {
                    case "EC" -> "SHA256withECDSA";
                    case "RSA" -> "SHA256withRSA";
                    default -> "Ed25519";
                };
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(keys.getPrivate());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
