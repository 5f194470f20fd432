package dev.attest.document;

import static dev.attest.document.support.DocumentApi.PDF;
import static dev.attest.document.support.DocumentApi.caseView;
import static dev.attest.document.support.DocumentApi.declare;
import static dev.attest.document.support.DocumentApi.grantsFor;
import static dev.attest.document.support.DocumentApi.offset;
import static dev.attest.document.support.DocumentApi.openCase;
import static dev.attest.document.support.DocumentApi.patch;
import static dev.attest.document.support.DocumentApi.registerKey;
import static dev.attest.document.support.DocumentApi.requireDocuments;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.attest.document.support.Browser;
import dev.attest.document.support.DocumentTestResources;
import dev.attest.document.support.Party;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input is refused with a problem document and changes nothing. */
@QuarkusTest
@DocumentTestResources
class UploadValidationTest {
    @Inject
    AgroalDataSource dataSource;

    TestDatabase db;
    String org;
    Party user;
    Party reviewer;
    String caseId;

    @BeforeEach
    void setUp() {
        db = new TestDatabase(dataSource);
        org = "org-" + UUID.randomUUID();
        user = Party.user(org, "user-1");
        reviewer = Party.reviewer(org, "reviewer-1");
        registerKey(user);
        registerKey(reviewer);
        requireDocuments(reviewer, "project-1", 100_000);
        caseId = openCase(user, "project-1");
    }

    @Test
    void anOversizedDocumentIsRefusedBeforeAnythingIsStored() {
        Browser.Sealed sealed = Browser.encrypt(new byte[200_000], caseId + ":proof-of-address");
        problem(
                declare(user, caseId, "proof-of-address", PDF, 200_000, sealed.sha256(), grants(sealed)),
                413,
                "document-too-large");
        assertThat(documents()).isZero();
    }

    @Test
    void aTypeTheRequirementDoesNotAcceptIsRefused() {
        Browser.Sealed sealed = Browser.encrypt(new byte[1000], caseId + ":source-of-funds");
        problem(
                declare(user, caseId, "source-of-funds", "image/png", 1028, sealed.sha256(), grants(sealed)),
                415,
                "unsupported-document-type");
        problem(
                declare(user, caseId, "source-of-funds", "text/html", 1028, sealed.sha256(), grants(sealed)),
                415,
                "unsupported-document-type");
        assertThat(documents()).isZero();
    }

    @Test
    void aDocumentWithoutTheReviewersGrantIsRefused() {
        Browser.Sealed sealed = Browser.encrypt(new byte[1000], caseId + ":proof-of-address");
        List<Map<String, String>> onlyTheUser = grants(sealed).stream()
                .filter(g -> g.get("subject").equals("user-1"))
                .toList();
        problem(
                declare(user, caseId, "proof-of-address", PDF, 1028, sealed.sha256(), onlyTheUser),
                400,
                "invalid-grants");
        assertThat(documents()).isZero();
    }

    @Test
    void aChunkOutOfOrderIsRefusedAndTheUploadStaysWhereItWas() {
        Browser.Sealed sealed = Browser.encrypt(new byte[90_000], caseId + ":proof-of-address");
        String documentId = declare(user, caseId, "proof-of-address", sealed);
        byte[] ciphertext = sealed.ciphertext();
        problem(
                patch(user, documentId, 40_000, Arrays.copyOfRange(ciphertext, 40_000, 60_000)),
                409,
                "upload-offset-mismatch");
        patch(user, documentId, 0, Arrays.copyOfRange(ciphertext, 0, 40_000))
                .then()
                .statusCode(204);
        problem(patch(user, documentId, 0, Arrays.copyOfRange(ciphertext, 0, 40_000)), 409, "upload-offset-mismatch");
        patch(user, documentId, 40_000, Arrays.copyOfRange(ciphertext, 40_000, ciphertext.length))
                .then()
                .statusCode(204);
        assertThat(offset(user, documentId)).isEqualTo(ciphertext.length);
        assertThat(caseView(user, caseId).getString("documents[0].state")).isEqualTo("received");
    }

    @Test
    void aChunkPastTheDeclaredLengthOrOfAnotherTypeIsRefused() {
        Browser.Sealed sealed = Browser.encrypt(new byte[1000], caseId + ":proof-of-address");
        String documentId = declare(user, caseId, "proof-of-address", sealed);
        byte[] tooLong = Arrays.copyOf(sealed.ciphertext(), sealed.ciphertext().length + 1);
        problem(patch(user, documentId, 0, tooLong), 413, "upload-exceeds-length");
        problem(
                given().auth()
                        .oauth2(user.token())
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Offset", "0")
                        .contentType("application/json")
                        .body(sealed.ciphertext())
                        .patch("/documents/uploads/" + documentId),
                415,
                "upload-content-type");
        assertThat(offset(user, documentId)).isZero();
        assertThat(db.count("select count(*) from document_ciphertext where document_id = ?::uuid", documentId))
                .isEqualTo(1);
        assertThat(db.scalar(
                        "select octet_length(bytes) from document_ciphertext where document_id = ?::uuid", documentId))
                .isEqualTo(0);
    }

    @Test
    void aTamperedCiphertextIsRefusedAndNothingOfItIsKept() {
        Browser.Sealed sealed = Browser.encrypt(new byte[1000], caseId + ":proof-of-address");
        String documentId = declare(user, caseId, "proof-of-address", sealed);
        byte[] tampered = sealed.ciphertext().clone();
        tampered[500] ^= 1;
        problem(patch(user, documentId, 0, tampered), 422, "ciphertext-mismatch");
        assertThat(documents()).isZero();
        assertThat(db.count("select count(*) from key_grant where document_id = ?::uuid", documentId))
                .isZero();
        assertThat(db.count("select count(*) from document_ciphertext where document_id = ?::uuid", documentId))
                .isZero();
    }

    @Test
    void anotherUsersUploadIsNotFound() {
        Browser.Sealed sealed = Browser.encrypt(new byte[1000], caseId + ":proof-of-address");
        String documentId = declare(user, caseId, "proof-of-address", sealed);
        Party other = Party.user(org, "user-2");
        problem(patch(other, documentId, 0, sealed.ciphertext()), 404, "not-found");
        assertThat(offset(user, documentId)).isZero();
    }

    private List<Map<String, String>> grants(Browser.Sealed sealed) {
        return grantsFor(user, caseId, sealed.dataKey());
    }

    private long documents() {
        return db.count(
                "select count(*) from document d join document_case c on c.id = d.case_id where c.org_id = ?", org);
    }

    private static void problem(Response response, int status, String slug) {
        response.then()
                .statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("type", endsWith("/" + slug))
                .body("status", equalTo(status));
    }
}
