package dev.attest.document;

import static dev.attest.document.support.DocumentApi.key;
import static dev.attest.document.support.DocumentApi.registerKey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.attest.document.support.Browser;
import dev.attest.document.support.DocumentApi;
import dev.attest.document.support.DocumentTestResources;
import dev.attest.document.support.Party;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a reviewer's browser needs to share a document with an auditor, and what the auditor's browser needs to find and
 * open it: the auditor's registered key, and the list of documents shared with the auditor.
 */
@QuarkusTest
@DocumentTestResources
class AuditorSharingTest {
    Party reviewer;
    Party user;
    Party auditor;
    String documentId;
    Browser.Sealed sealed;

    @BeforeEach
    void uploadADocument() {
        DocumentApi.Uploaded uploaded = DocumentApi.uploaded(new byte[3000]);
        reviewer = uploaded.reviewer();
        user = uploaded.user();
        documentId = uploaded.documentId();
        sealed = uploaded.sealed();
        auditor = Party.user(uploaded.org(), "auditor-" + UUID.randomUUID());
    }

    @Test
    void aReviewerSharesADocumentWithAnAuditorWhoFindsItAndOpensIt() throws Exception {
        String auditorKey = registerKey(auditor);
        JsonPath found = given().auth()
                .oauth2(reviewer.token())
                .get("/documents/keys/" + auditor.subject())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(found.getString("key_id")).isEqualTo(auditorKey);
        assertThat(found.getBoolean("reviewer")).isFalse();
        Instant expiry = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        DocumentApi.grant(
                        reviewer,
                        documentId,
                        Map.of(
                                "subject", auditor.subject(),
                                "key_id", found.getString("key_id"),
                                "wrapped_key", Browser.wrap(sealed.dataKey(), found.getString("public_key.n")),
                                "expires_at", expiry.toString()))
                .then()
                .statusCode(201);

        List<Map<String, Object>> shared = given().auth()
                .oauth2(auditor.token())
                .get("/documents/shared-with-me")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertThat(shared).hasSize(1);
        assertThat(shared.get(0))
                .containsEntry("document_id", documentId)
                .containsEntry("requirement", "proof-of-address")
                .containsEntry("content_type", DocumentApi.PDF)
                .containsEntry("expires_at", expiry.toString());
        String wrapped =
                key(auditor, documentId).then().statusCode(200).extract().path("wrapped_key");
        assertThat(auditor.browser().unwrap(wrapped)).isEqualTo(sealed.dataKey());
    }

    @Test
    void onlyTheOrgsAdminsLookUpAMembersKeyAndOnlyInTheirOwnOrg() {
        registerKey(auditor);
        given().auth()
                .oauth2(user.token())
                .get("/documents/keys/" + auditor.subject())
                .then()
                .statusCode(403);
        Party otherOrgsReviewer = Party.reviewer("org-" + UUID.randomUUID(), "reviewer-1");
        given().auth()
                .oauth2(otherOrgsReviewer.token())
                .get("/documents/keys/" + auditor.subject())
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"));
        // the caller's own key is still /me, not a member called "me"
        given().auth()
                .oauth2(reviewer.token())
                .get("/documents/keys/me")
                .then()
                .statusCode(200)
                .body("subject", equalTo(reviewer.subject()));
    }

    @Test
    void nothingSharedMeansAnEmptyListAndTheOwnersOwnGrantsAreNotListed() {
        given().auth()
                .oauth2(user.token())
                .get("/documents/shared-with-me")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }
}
