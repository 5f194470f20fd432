package dev.attest.document;

import static dev.attest.document.support.DocumentApi.caseView;
import static dev.attest.document.support.DocumentApi.declare;
import static dev.attest.document.support.DocumentApi.grantsFor;
import static dev.attest.document.support.DocumentApi.key;
import static dev.attest.document.support.DocumentApi.openCase;
import static dev.attest.document.support.DocumentApi.registerKey;
import static dev.attest.document.support.DocumentApi.upload;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import dev.attest.document.support.Browser;
import dev.attest.document.support.DocumentApi;
import dev.attest.document.support.DocumentTestResources;
import dev.attest.document.support.Party;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A personal-data form is a document like the others: its JSON, encrypted in the browser. */
@QuarkusTest
@DocumentTestResources
class PersonalDataFormTest {
    private static final String JSON = "application/json";

    @Test
    void aPersonalDataRequirementTakesTheFormsJsonAndOtherKindsDoNot() throws Exception {
        String org = "org-" + UUID.randomUUID();
        Party user = Party.user(org, "user-1");
        Party reviewer = Party.reviewer(org, "reviewer-1");
        registerKey(user);
        registerKey(reviewer);
        require(reviewer, List.of(requirement("proof-of-address", JSON)))
                .then()
                .statusCode(400)
                .body("type", endsWith("/unsupported-document-type"));
        require(
                        reviewer,
                        List.of(requirement("personal-data", JSON), requirement("proof-of-address", "application/pdf")))
                .then()
                .statusCode(200);

        String caseId = openCase(user, "project-1");
        byte[] form = "{\"name\":\"Jane\",\"address\":\"1 Road\"}".getBytes(StandardCharsets.UTF_8);
        Browser.Sealed sealed = Browser.encrypt(form, caseId + ":personal-data");
        String documentId = declare(user, caseId, "personal-data", JSON, sealed);
        upload(user, documentId, sealed.ciphertext(), 65_536);
        assertThat(caseView(user, caseId).getList("missing")).containsExactly("proof-of-address");
        String wrapped =
                key(reviewer, documentId).then().statusCode(200).extract().path("wrapped_key");
        assertThat(Browser.decrypt(
                        DocumentApi.ciphertext(reviewer, documentId),
                        reviewer.browser().unwrap(wrapped),
                        caseId + ":personal-data"))
                .isEqualTo(form);

        Browser.Sealed other = Browser.encrypt(form, caseId + ":proof-of-address");
        declare(
                        user,
                        caseId,
                        "proof-of-address",
                        JSON,
                        other.ciphertext().length,
                        other.sha256(),
                        grantsFor(user, caseId, other.dataKey()))
                .then()
                .statusCode(415)
                .body("type", endsWith("/unsupported-document-type"));
    }

    private static Map<String, Object> requirement(String kind, String type) {
        return Map.of("kind", kind, "title", kind, "accepted_types", List.of(type), "max_bytes", 100_000);
    }

    private static Response require(Party admin, List<Map<String, Object>> requirements) {
        return given().auth()
                .oauth2(admin.token())
                .contentType(ContentType.JSON)
                .body(Map.of("requirements", requirements))
                .put("/documents/projects/project-1/requirements");
    }
}
