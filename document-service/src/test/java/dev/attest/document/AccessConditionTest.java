package dev.attest.document;

import static dev.attest.document.support.DocumentApi.key;
import static dev.attest.document.support.DocumentApi.modulus;
import static dev.attest.document.support.DocumentApi.refused;
import static dev.attest.document.support.DocumentApi.registerKey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;

import dev.attest.document.support.Browser;
import dev.attest.document.support.DocumentApi;
import dev.attest.document.support.DocumentTestResources;
import dev.attest.document.support.Party;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A wrapped key is released only while its grant's conditions hold; every release and refusal is recorded. */
@QuarkusTest
@DocumentTestResources
class AccessConditionTest {
    /** anvil's funded account 0 (test-support's mnemonic, ganache's deterministic one): 1000 ETH. */
    static final String FUNDED = "0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1";

    String org;
    Party user;
    Party reviewer;
    String caseId;
    String documentId;
    Browser.Sealed sealed;

    @BeforeEach
    void uploadADocument() {
        DocumentApi.Uploaded uploaded = DocumentApi.uploaded(new byte[5000]);
        org = uploaded.org();
        user = uploaded.user();
        reviewer = uploaded.reviewer();
        caseId = uploaded.caseId();
        documentId = uploaded.documentId();
        sealed = uploaded.sealed();
    }

    @Test
    void theOwnerAndTheOrgsReviewerGetTheirWrappedKeys() throws Exception {
        for (Party party : List.of(user, reviewer)) {
            String wrapped =
                    key(party, documentId).then().statusCode(200).extract().path("wrapped_key");
            assertThat(party.browser().unwrap(wrapped)).isEqualTo(sealed.dataKey());
        }
    }

    @Test
    void anotherOrganizationsReviewerIsRefusedAsIfTheDocumentDidNotExist() {
        Party stranger = Party.reviewer("org-" + UUID.randomUUID(), "reviewer-1");
        registerKey(stranger);
        key(stranger, documentId).then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aReviewerIsRefusedOnceTheCaseIsClosedAndTheRefusalIsRecorded() {
        DocumentApi.decide(reviewer, caseId, "rejected", List.of(documentId))
                .then()
                .statusCode(200);
        refused(key(reviewer, documentId)).body("detail", containsString("caseState"));
        key(user, documentId).then().statusCode(200);
        List<Map<String, String>> releases = given().auth()
                .oauth2(reviewer.token())
                .get("/documents/" + documentId + "/releases")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertThat(releases)
                .extracting(r -> r.get("subject") + " " + r.get("outcome"))
                .containsExactly("reviewer-1 refused", "user-1 released");
    }

    @Test
    void anOrgMemberWithoutAGrantIsRefused() {
        refused(key(Party.user(org, "user-2"), documentId)).body("detail", containsString("no grant"));
    }

    @Test
    void anAuditorIsRefusedWhenTheOnChainConditionFailsAndReleasedWhenItHolds() throws Exception {
        Party auditor = Party.user(org, "auditor-1");
        String auditorKey = registerKey(auditor);
        String emptyWallet = "0x" + UUID.randomUUID().toString().replace("-", "") + "00000000";

        grant(auditor, auditorKey, balanceAbove(emptyWallet)).then().statusCode(201);
        refused(key(auditor, documentId)).body("detail", containsString("eth_getBalance"));

        grant(auditor, auditorKey, balanceAbove(FUNDED)).then().statusCode(201);
        String released =
                key(auditor, documentId).then().statusCode(200).extract().path("wrapped_key");
        assertThat(auditor.browser().unwrap(released)).isEqualTo(sealed.dataKey());
    }

    @Test
    void anAuditorGrantMustExpireAndTakesOnlyOnChainConditionsItCanDecide() {
        Party auditor = Party.user(org, "auditor-1");
        String auditorKey = registerKey(auditor);
        given().auth()
                .oauth2(user.token())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "subject",
                        "auditor-1",
                        "key_id",
                        auditorKey,
                        "wrapped_key",
                        Browser.wrap(sealed.dataKey(), modulus(auditor)),
                        "expires_at",
                        Instant.now().minusSeconds(1).toString()))
                .post("/documents/" + documentId + "/grants")
                .then()
                .statusCode(400)
                .body("type", endsWith("/invalid-expiry"));
        List<Object> litActionInDisguise = List.of(Map.of(
                "conditionType", "evmBasic",
                "contractAddress", "attest://facts/v1",
                "standardContractType", "LitAction",
                "chain", "attest",
                "method", "isCaller",
                "parameters", List.of("auditor-1"),
                "returnValueTest", Map.of("comparator", "=", "value", "true")));
        grant(auditor, auditorKey, litActionInDisguise)
                .then()
                .statusCode(400)
                .body("type", endsWith("/invalid-access-conditions"));
        refused(key(auditor, documentId)).body("detail", containsString("no grant"));
    }

    private Response grant(Party auditor, String keyId, List<Object> onChain) {
        return DocumentApi.auditorGrant(user, documentId, auditor, keyId, sealed.dataKey(), onChain);
    }

    /** Lit's evmBasic condition: the address holds more than 0 wei on the platform's chain. */
    private static List<Object> balanceAbove(String address) {
        return List.of(Map.of(
                "conditionType", "evmBasic",
                "contractAddress", "",
                "standardContractType", "",
                "chain", "attest",
                "method", "eth_getBalance",
                "parameters", List.of(address, "latest"),
                "returnValueTest", Map.of("comparator", ">", "value", "0")));
    }
}
