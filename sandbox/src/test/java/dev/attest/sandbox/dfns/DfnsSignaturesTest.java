package dev.attest.sandbox.dfns;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.testing.AnvilResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** Dfns's signature generation API ({@code POST /wallets/{walletId}/signatures}) with the wallet's own key. */
@QuarkusTest
@WithTestResource(AnvilResource.class)
class DfnsSignaturesTest {
    // EIP-712's own example (eips.ethereum.org/EIPS/eip-712, its Example.js): the Mail from Cow to Bob, whose
    // digest the specification publishes.
    private static final String MAIL_TYPED_DATA =
            """
            {"kind":"Eip712",
             "types":{"Person":[{"name":"name","type":"string"},{"name":"wallet","type":"address"}],
                      "Mail":[{"name":"from","type":"Person"},{"name":"to","type":"Person"},
                              {"name":"contents","type":"string"}]},
             "domain":{"name":"Ether Mail","version":"1","chainId":1,
                       "verifyingContract":"0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"},
             "message":{"from":{"name":"Cow","wallet":"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},
                        "to":{"name":"Bob","wallet":"0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},
                        "contents":"Hello, Bob!"}}""";
    private static final String MAIL_DIGEST = "0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2";

    @Test
    void aHashIsSignedWithTheWalletsKeyAndRecoversToItsAddress() throws Exception {
        SigningClient client = SigningClient.register("EC");
        JsonNode wallet = newWallet(client);
        byte[] hash = Hash.sha3("a user operation".getBytes(StandardCharsets.UTF_8));
        String path = signaturesPath(wallet);

        JsonNode signed = DfnsJson.parseObject(
                client.post(path, "{\"kind\":\"Hash\",\"hash\":\"" + Numeric.toHexString(hash) + "\"}")
                        .then()
                        .statusCode(200)
                        .body("id", startsWith("sig-"))
                        .body("walletId", equalTo(wallet.get("id").asText()))
                        .body("network", equalTo("Ethereum"))
                        .body("keyId", equalTo(wallet.at("/signingKey/id").asText()))
                        .body("status", equalTo("Signed"))
                        .body("requestBody.kind", equalTo("Hash"))
                        .extract()
                        .asString());

        JsonNode signature = signed.get("signature");
        assertThat(signer(hash, signature)).isEqualTo(wallet.get("address").asText());
        byte[] encoded = Numeric.hexStringToByteArray(signature.get("encoded").asText());
        assertThat(encoded).hasSize(65);
        assertThat(Arrays.copyOfRange(encoded, 0, 32))
                .isEqualTo(Numeric.hexStringToByteArray(signature.get("r").asText()));
        assertThat(Arrays.copyOfRange(encoded, 32, 64))
                .isEqualTo(Numeric.hexStringToByteArray(signature.get("s").asText()));
        assertThat(encoded[64]).isEqualTo((byte) (27 + signature.get("recid").asInt()));
        // Read back, alone and in the wallet's list.
        String id = signed.get("id").asText();
        client.get(path + "/" + id)
                .then()
                .statusCode(200)
                .body("signature.encoded", equalTo(signature.get("encoded").asText()));
        client.get(path).then().statusCode(200).body("items.id", contains(id));
    }

    @Test
    void aMessageIsSignedAsEip191PersonalSign() throws Exception {
        SigningClient client = SigningClient.register("Ed25519");
        JsonNode wallet = newWallet(client);
        byte[] message = "I love Dfns".getBytes(StandardCharsets.UTF_8);

        JsonNode signed = DfnsJson.parseObject(client.post(
                        signaturesPath(wallet),
                        "{\"kind\":\"Message\",\"message\":\"" + Numeric.toHexString(message) + "\"}")
                .then()
                .statusCode(200)
                .body("status", equalTo("Signed"))
                .extract()
                .asString());

        assertThat(signer(Sign.getEthereumMessageHash(message), signed.get("signature")))
                .isEqualTo(wallet.get("address").asText());
    }

    @Test
    void typedDataIsSignedOverItsEip712Digest() throws Exception {
        SigningClient client = SigningClient.register("EC");
        JsonNode wallet = newWallet(client);

        JsonNode signed = DfnsJson.parseObject(client.post(signaturesPath(wallet), MAIL_TYPED_DATA)
                .then()
                .statusCode(200)
                .body("requestBody.domain.name", equalTo("Ether Mail"))
                .extract()
                .asString());

        assertThat(signer(Numeric.hexStringToByteArray(MAIL_DIGEST), signed.get("signature")))
                .isEqualTo(wallet.get("address").asText());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"kind\":\"Transaction\",\"transaction\":\"0x02\"}",
                "{\"hash\":\"0x" + "11" + "\"}",
                "{\"kind\":\"Hash\",\"hash\":\"0x1234\"}",
                "{\"kind\":\"Hash\",\"hash\":\"0xzz" + "00" + "\"}",
                "{\"kind\":\"Hash\",\"hash\":42}",
                "{\"kind\":\"Message\",\"message\":\"0x\"}",
                "{\"kind\":\"Message\",\"message\":\"hello\"}",
                "{\"kind\":\"Eip712\",\"types\":{},\"domain\":{},\"message\":{}}",
                "{\"kind\":\"Eip712\",\"domain\":{},\"message\":{}}",
                "[]"
            })
    void badInputIsRefusedInDfnsErrorFormatAndNothingIsSigned(String body) {
        SigningClient client = SigningClient.register("EC");
        JsonNode wallet = newWallet(client);
        String path = signaturesPath(wallet);

        client.post(path, body).then().statusCode(400).body("error.status", equalTo(400));
        client.get(path).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aSignatureNeedsAUserActionSignedForItAndTheCallersOwnWallet() {
        SigningClient owner = SigningClient.register("EC");
        SigningClient other = SigningClient.register("EC");
        JsonNode wallet = newWallet(owner);
        String path = signaturesPath(wallet);
        String body = "{\"kind\":\"Hash\",\"hash\":\"" + Numeric.toHexString(new byte[32]) + "\"}";

        given().header("Authorization", "Bearer " + owner.token)
                .contentType("application/json")
                .body(body)
                .post(path)
                .then()
                .statusCode(401)
                .body("error.message", startsWith("x-dfns-useraction"));
        String forAnotherBody = owner.userAction(path, "{\"kind\":\"Hash\",\"hash\":\"" + "00".repeat(32) + "\"}");
        owner.postWithAction(path, body, forAnotherBody).then().statusCode(401);
        other.post(path, body).then().statusCode(404).body("error.status", equalTo(404));
        owner.get(path).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void sameExternalIdAnswersTheSameSignatureAndAnotherBodyConflicts() {
        SigningClient client = SigningClient.register("EC");
        JsonNode wallet = newWallet(client);
        String path = signaturesPath(wallet);
        String externalId = UUID.randomUUID().toString();
        String body = "{\"kind\":\"Message\",\"message\":\"0x01\",\"externalId\":\"" + externalId + "\"}";

        String first = client.post(path, body).then().statusCode(200).extract().path("id");
        client.post(path, body).then().statusCode(200).body("id", equalTo(first));
        client.post(path, "{\"kind\":\"Message\",\"message\":\"0x02\",\"externalId\":\"" + externalId + "\"}")
                .then()
                .statusCode(409)
                .body("error.details.duplicate.id", equalTo(first));
    }

    private static JsonNode newWallet(SigningClient client) {
        return DfnsJson.parseObject(client.post("/dfns/wallets", "{\"network\":\"Ethereum\"}")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static String signaturesPath(JsonNode wallet) {
        return "/dfns/wallets/" + wallet.get("id").asText() + "/signatures";
    }

    /** The address whose key made {@code signature} (Dfns's r, s, recid) over {@code digest}. */
    private static String signer(byte[] digest, JsonNode signature) throws Exception {
        Sign.SignatureData data = new Sign.SignatureData(
                (byte) (27 + signature.get("recid").asInt()),
                Numeric.hexStringToByteArray(signature.get("r").asText()),
                Numeric.hexStringToByteArray(signature.get("s").asText()));
        return "0x" + Keys.getAddress(Sign.signedMessageHashToKey(digest, data));
    }
}
