package dev.attest.document.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The service's API as the console calls it, for tests. */
public final class DocumentApi {
    public static final String PDF = "application/pdf";

    private DocumentApi() {}

    public static String registerKey(Party party) {
        return given().auth()
                .oauth2(party.token())
                .contentType(ContentType.JSON)
                .body("{\"public_key\":" + party.browser().publicJwk() + "}")
                .put("/documents/keys/me")
                .then()
                .statusCode(200)
                .extract()
                .path("key_id");
    }

    /** Requires a proof of address (PDF, at most {@code maxBytes}) and a source of funds statement. */
    public static void requireDocuments(Party admin, String project, long maxBytes) {
        given().auth()
                .oauth2(admin.token())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "requirements",
                        List.of(
                                Map.of(
                                        "kind",
                                        "proof-of-address",
                                        "title",
                                        "Proof of address",
                                        "accepted_types",
                                        List.of(PDF, "image/png"),
                                        "max_bytes",
                                        maxBytes),
                                Map.of(
                                        "kind",
                                        "source-of-funds",
                                        "title",
                                        "Source of funds",
                                        "accepted_types",
                                        List.of(PDF),
                                        "max_bytes",
                                        maxBytes))))
                .put("/documents/projects/" + project + "/requirements")
                .then()
                .statusCode(200);
    }

    public static String openCase(Party user, String project) {
        return given().auth()
                .oauth2(user.token())
                .contentType(ContentType.JSON)
                .body(Map.of("project_id", project))
                .post("/documents/cases")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .extract()
                .path("id");
    }

    public static JsonPath caseView(Party party, String caseId) {
        return given().auth()
                .oauth2(party.token())
                .get("/documents/cases/" + caseId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The data key wrapped for every recipient the service names (the user and the org's reviewers). */
    public static List<Map<String, String>> grantsFor(Party user, String caseId, byte[] dataKey) {
        JsonPath recipients = given().auth()
                .oauth2(user.token())
                .get("/documents/cases/" + caseId + "/recipients")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, String>> grants = new ArrayList<>();
        for (Map<String, Object> recipient : recipients.<Map<String, Object>>getList("recipients")) {
            @SuppressWarnings("unchecked")
            Map<String, String> key = (Map<String, String>) recipient.get("public_key");
            grants.add(Map.of(
                    "subject", (String) recipient.get("subject"),
                    "key_id", (String) recipient.get("key_id"),
                    "wrapped_key", Browser.wrap(dataKey, key.get("n"))));
        }
        return grants;
    }

    public static Response declare(
            Party user,
            String caseId,
            String requirement,
            String contentType,
            long size,
            String sha256,
            List<Map<String, String>> grants) {
        return given().auth()
                .oauth2(user.token())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "requirement", requirement,
                        "content_type", contentType,
                        "size", size,
                        "ciphertext_sha256", sha256,
                        "grants", grants))
                .post("/documents/cases/" + caseId + "/documents");
    }

    /** Declares a sealed PDF for the user and every reviewer; returns its id. */
    public static String declare(Party user, String caseId, String requirement, Browser.Sealed sealed) {
        return declare(user, caseId, requirement, PDF, sealed);
    }

    /** Declares a sealed document of plaintext type {@code contentType} for the user and every reviewer; its id. */
    public static String declare(
            Party user, String caseId, String requirement, String contentType, Browser.Sealed sealed) {
        return declare(
                        user,
                        caseId,
                        requirement,
                        contentType,
                        sealed.ciphertext().length,
                        sealed.sha256(),
                        grantsFor(user, caseId, sealed.dataKey()))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * A proof of address uploaded whole and received: a fresh organization with a user and a reviewer (both keys
     * registered), the project's requirements, the user's case, and the document sealed in the user's browser.
     */
    public record Uploaded(
            String org, Party user, Party reviewer, String caseId, String documentId, Browser.Sealed sealed) {}

    public static Uploaded uploaded(byte[] plaintext) {
        String org = "org-" + java.util.UUID.randomUUID();
        Party user = Party.user(org, "user-1");
        Party reviewer = Party.reviewer(org, "reviewer-1");
        registerKey(user);
        registerKey(reviewer);
        requireDocuments(reviewer, "project-1", 100_000);
        String caseId = openCase(user, "project-1");
        Browser.Sealed sealed = Browser.encrypt(plaintext, caseId + ":proof-of-address");
        String documentId = declare(user, caseId, "proof-of-address", sealed);
        upload(user, documentId, sealed.ciphertext(), 65_536);
        return new Uploaded(org, user, reviewer, caseId, documentId, sealed);
    }

    public static Response patch(Party user, String documentId, long offset, byte[] chunk) {
        return given().auth()
                .oauth2(user.token())
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", Long.toString(offset))
                .contentType("application/offset+octet-stream")
                .body(chunk)
                .patch("/documents/uploads/" + documentId);
    }

    public static long offset(Party user, String documentId) {
        return Long.parseLong(given().auth()
                .oauth2(user.token())
                .head("/documents/uploads/" + documentId)
                .then()
                .statusCode(200)
                .extract()
                .header("Upload-Offset"));
    }

    /** Uploads the rest of {@code bytes} from where the server stands, in chunks. */
    public static void upload(Party user, String documentId, byte[] bytes, int chunkSize) {
        long offset = offset(user, documentId);
        while (offset < bytes.length) {
            int end = (int) Math.min(bytes.length, offset + chunkSize);
            String next = patch(user, documentId, offset, Arrays.copyOfRange(bytes, (int) offset, end))
                    .then()
                    .statusCode(204)
                    .extract()
                    .header("Upload-Offset");
            offset = Long.parseLong(next);
        }
    }

    public static Response key(Party party, String documentId) {
        return given().auth().oauth2(party.token()).get("/documents/" + documentId + "/key");
    }

    public static byte[] ciphertext(Party party, String documentId) {
        return given().auth()
                .oauth2(party.token())
                .get("/documents/" + documentId + "/ciphertext")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
    }

    /** A grant ({@code POST /documents/{id}/grants}) of {@code body}, asked by {@code granter}. */
    public static Response grant(Party granter, String documentId, Map<String, Object> body) {
        return given().auth()
                .oauth2(granter.token())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/documents/" + documentId + "/grants");
    }

    /** An auditor grant for a week with {@code onChain} conditions, the data key wrapped under the auditor's key. */
    public static Response auditorGrant(
            Party granter, String documentId, Party auditor, String keyId, byte[] dataKey, Object onChain) {
        return grant(
                granter,
                documentId,
                Map.of(
                        "subject", auditor.subject(),
                        "key_id", keyId,
                        "wrapped_key", Browser.wrap(dataKey, modulus(auditor)),
                        "expires_at", Instant.now().plus(7, ChronoUnit.DAYS).toString(),
                        "on_chain_conditions", onChain));
    }

    /** The modulus (base64url) of the party's public key: what a browser wraps for. */
    public static String modulus(Party party) {
        return JsonPath.from(party.browser().publicJwk()).getString("n");
    }

    /** Asserts a 403 access-refused problem; the response, for more assertions. */
    public static ValidatableResponse refused(Response response) {
        return response.then()
                .statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("type", endsWith("/access-refused"));
    }

    public static Response decide(Party reviewer, String caseId, String decision, List<String> documentIds) {
        return given().auth()
                .oauth2(reviewer.token())
                .contentType(ContentType.JSON)
                .body(Map.of("decision", decision, "document_ids", documentIds))
                .post("/documents/cases/" + caseId + "/decision");
    }
}
