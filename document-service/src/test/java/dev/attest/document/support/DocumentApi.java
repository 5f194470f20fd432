package dev.attest.document.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
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

    /** Declares a sealed document for the user and every reviewer; returns its id. */
    public static String declare(Party user, String caseId, String requirement, Browser.Sealed sealed) {
        return declare(
                        user,
                        caseId,
                        requirement,
                        PDF,
                        sealed.ciphertext().length,
                        sealed.sha256(),
                        grantsFor(user, caseId, sealed.dataKey()))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
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

    public static Response decide(Party reviewer, String caseId, String decision, List<String> documentIds) {
        return given().auth()
                .oauth2(reviewer.token())
                .contentType(ContentType.JSON)
                .body(Map.of("decision", decision, "document_ids", documentIds))
                .post("/documents/cases/" + caseId + "/decision");
    }
}
