package dev.attest.document;

import static dev.attest.document.support.DocumentApi.auditorGrant;
import static dev.attest.document.support.DocumentApi.key;
import static dev.attest.document.support.DocumentApi.refused;
import static dev.attest.document.support.DocumentApi.registerKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;

import dev.attest.document.support.Browser;
import dev.attest.document.support.DocumentApi;
import dev.attest.document.support.DocumentTestResources;
import dev.attest.document.support.OnchainId;
import dev.attest.document.support.Party;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * The on-chain condition "this wallet's identity holds a valid Attest KYC claim", as Lit {@code evmContract}
 * conditions decided by {@code eth_call}s on anvil against OnchainID's real contracts: the claim issuer says the
 * claim is valid ({@code ClaimIssuer.isClaimValid}) and the identity holds it ({@code Identity.getClaim}'s issuer).
 */
@QuarkusTest
@DocumentTestResources
class KycClaimConditionTest {
    private final OnchainId chain = new OnchainId();

    @Inject
    AgroalDataSource dataSource;

    Party user;
    Party auditor;
    String auditorKey;
    String documentId;
    Browser.Sealed sealed;
    String issuer;
    ECKeyPair signer;
    OnchainId.Claim claim;

    @BeforeEach
    void uploadADocumentAndIssueAClaim() throws Exception {
        DocumentApi.Uploaded uploaded = DocumentApi.uploaded(new byte[2000]);
        user = uploaded.user();
        documentId = uploaded.documentId();
        sealed = uploaded.sealed();
        auditor = Party.user(uploaded.org(), "auditor-1");
        auditorKey = registerKey(auditor);

        signer = Keys.createEcKeyPair();
        issuer = chain.claimIssuer(signer);
        claim = chain.addClaim(issuer, signer, chain.identity());
    }

    @Test
    void anAuditorGrantOnTheKycClaimReleasesTheKeyWhileTheIdentityHoldsAValidClaim() throws Exception {
        auditorGrant(user, documentId, auditor, auditorKey, sealed.dataKey(), holdsKycClaim(claim))
                .then()
                .statusCode(201)
                .body("conditions[4][0].conditionType", org.hamcrest.Matchers.equalTo("evmContract"));

        String wrapped =
                key(auditor, documentId).then().statusCode(200).extract().path("wrapped_key");
        assertThat(auditor.browser().unwrap(wrapped)).isEqualTo(sealed.dataKey());
    }

    @Test
    void anIdentityWithoutTheClaimIsRefusedNamingTheCondition() {
        String unclaimed = chain.identity();
        OnchainId.Claim borrowed =
                new OnchainId.Claim(issuer, unclaimed, claim.topic(), claim.signature(), claim.data());
        auditorGrant(user, documentId, auditor, auditorKey, sealed.dataKey(), holdsKycClaim(borrowed))
                .then()
                .statusCode(201);

        refused(key(auditor, documentId)).body("detail", containsString("(isClaimValid) is not met"));
    }

    @Test
    void aClaimTheIdentityRemovedNoLongerReleasesTheKey() {
        auditorGrant(user, documentId, auditor, auditorKey, sealed.dataKey(), holdsKycClaim(claim))
                .then()
                .statusCode(201);
        key(auditor, documentId).then().statusCode(200);

        chain.remove(claim);

        refused(key(auditor, documentId)).body("detail", containsString("(getClaim) is not met"));
    }

    @Test
    void aClaimTheIssuerRevokedNoLongerReleasesTheKey() {
        auditorGrant(user, documentId, auditor, auditorKey, sealed.dataKey(), holdsKycClaim(claim))
                .then()
                .statusCode(201);
        key(auditor, documentId).then().statusCode(200);

        chain.revoke(claim);

        refused(key(auditor, documentId)).body("detail", containsString("(isClaimValid) is not met"));
    }

    @Test
    void contractConditionsOfAnotherShapeAreRefusedAndNothingIsStored() {
        List<Consumer<Map<String, Object>>> badShapes = List.of(
                c -> c.put("contractAddress", "0x1234"),
                c -> c.put("functionName", "isClaimRevoked"),
                c -> c.put("chain", "ethereum"),
                c -> c.put("functionParams", List.of(":userAddress", "1", "0x", "0x")),
                c -> c.put("functionParams", List.of(claim.identity(), "1")),
                c -> c.put("functionAbi", OnchainId.abi("Identity.sol/Identity.json", "getClaimIdsByTopic")),
                c -> c.put("functionAbi", OnchainId.abi("Identity.sol/Identity.json", "addKey")),
                c -> c.put("returnValueTest", Map.of("key", "", "comparator", ">", "value", "true")),
                c -> c.put("returnValueTest", Map.of("key", "valid", "comparator", "=", "value", "true")),
                c -> c.put("returnValueTest", Map.of("key", "", "comparator", "=", "value", "yes")));
        for (Consumer<Map<String, Object>> change : badShapes) {
            Map<String, Object> condition = new HashMap<>(claimValid(claim));
            change.accept(condition);
            auditorGrant(user, documentId, auditor, auditorKey, sealed.dataKey(), List.of(condition))
                    .then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", endsWith("/invalid-access-conditions"));
        }
        assertThat(new TestDatabase(dataSource)
                        .count("select count(*) from key_grant where document_id = ?::uuid", documentId))
                .as("the user's and the reviewer's grants only")
                .isEqualTo(2);
    }

    /** The identity holds a claim of the KYC topic, valid in the issuer's eyes, and filed under that issuer. */
    private static List<Object> holdsKycClaim(OnchainId.Claim claim) {
        return List.of(
                claimValid(claim),
                Map.of("operator", "and"),
                Map.of(
                        "conditionType", "evmContract",
                        "contractAddress", claim.identity(),
                        "functionName", "getClaim",
                        "functionParams", List.of(claim.id()),
                        "functionAbi", OnchainId.abi("Identity.sol/Identity.json", "getClaim"),
                        "chain", "attest",
                        "returnValueTest", Map.of("key", "issuer", "comparator", "=", "value", claim.issuer())));
    }

    private static Map<String, Object> claimValid(OnchainId.Claim claim) {
        return Map.of(
                "conditionType", "evmContract",
                "contractAddress", claim.issuer(),
                "functionName", "isClaimValid",
                "functionParams",
                        List.of(
                                claim.identity(),
                                claim.topic().toString(),
                                Numeric.toHexString(claim.signature()),
                                Numeric.toHexString(claim.data())),
                "functionAbi", OnchainId.abi("ClaimIssuer.sol/ClaimIssuer.json", "isClaimValid"),
                "chain", "attest",
                "returnValueTest", Map.of("key", "", "comparator", "=", "value", "true"));
    }
}
