package dev.attest.document;

import static dev.attest.document.support.DocumentApi.caseView;
import static dev.attest.document.support.DocumentApi.grant;
import static dev.attest.document.support.DocumentApi.key;
import static dev.attest.document.support.DocumentApi.modulus;
import static dev.attest.document.support.DocumentApi.registerKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.attest.document.support.Browser;
import dev.attest.document.support.DocumentApi;
import dev.attest.document.support.DocumentTestResources;
import dev.attest.document.support.Party;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reviewer who registered after a document was uploaded has no grant on it: the case view says so, and another
 * reviewer's browser re-wraps the data key for them, on the conditions the service writes for reviewers.
 */
@QuarkusTest
@DocumentTestResources
class ReviewerRotationTest {
    String org;
    Party user;
    Party reviewer;
    Party newcomer;
    String newcomerKey;
    String caseId;
    String documentId;
    Browser.Sealed sealed;

    @BeforeEach
    void aReviewerJoinsAfterTheUpload() {
        DocumentApi.Uploaded uploaded = DocumentApi.uploaded(new byte[2000]);
        org = uploaded.org();
        user = uploaded.user();
        reviewer = uploaded.reviewer();
        caseId = uploaded.caseId();
        documentId = uploaded.documentId();
        sealed = uploaded.sealed();
        newcomer = Party.reviewer(org, "reviewer-2");
        newcomerKey = registerKey(newcomer);
    }

    @Test
    void theCaseViewNamesTheReviewerWithoutAGrantAndARewrapReleasesTheirKey() throws Exception {
        assertThat(caseView(reviewer, caseId).getList("documents[0].reviewers_without_grant.subject"))
                .containsExactly("reviewer-2");
        assertThat(caseView(reviewer, caseId).getString("documents[0].reviewers_without_grant[0].key_id"))
                .isEqualTo(newcomerKey);
        DocumentApi.refused(key(newcomer, documentId));

        rewrap(reviewer, newcomer, newcomerKey)
                .then()
                .statusCode(201)
                .body("party", equalTo("reviewer"))
                .body("conditions[4].method", equalTo("caseState"));

        String wrapped =
                key(newcomer, documentId).then().statusCode(200).extract().path("wrapped_key");
        assertThat(newcomer.browser().unwrap(wrapped)).isEqualTo(sealed.dataKey());
        assertThat(caseView(reviewer, caseId).getList("documents[0].reviewers_without_grant"))
                .isEmpty();
        problem(rewrap(reviewer, newcomer, newcomerKey), 409, "grant-exists");
    }

    @Test
    void aReviewerWhoRegisteredANewKeyIsListedAgainAndRewrappedUnderIt() throws Exception {
        rewrap(reviewer, newcomer, newcomerKey).then().statusCode(201);
        Party sameReviewerNewBrowser = new Party(org, "reviewer-2", newcomer.roles(), new Browser());
        String newKey = registerKey(sameReviewerNewBrowser);
        assertThat(caseView(reviewer, caseId).getList("documents[0].reviewers_without_grant.key_id"))
                .containsExactly(newKey);

        rewrap(user, sameReviewerNewBrowser, newKey).then().statusCode(201);
        String wrapped = key(sameReviewerNewBrowser, documentId)
                .then()
                .statusCode(200)
                .extract()
                .path("wrapped_key");
        assertThat(sameReviewerNewBrowser.browser().unwrap(wrapped)).isEqualTo(sealed.dataKey());
    }

    @Test
    void aRewrapForSomeoneWhoIsNotAReviewerIsRefused() {
        Party member = Party.user(org, "user-2");
        String memberKey = registerKey(member);
        problem(rewrap(reviewer, member, memberKey), 400, "invalid-grants");
        DocumentApi.refused(key(member, documentId));
    }

    @Test
    void aRewrapUnderAKeyThatIsNoLongerTheReviewersIsRefused() {
        registerKey(new Party(org, "reviewer-2", newcomer.roles(), new Browser()));
        problem(rewrap(reviewer, newcomer, newcomerKey), 400, "stale-key");
        DocumentApi.refused(key(newcomer, documentId));
    }

    @Test
    void aRewrapOnADecidedCaseIsRefused() {
        DocumentApi.decide(reviewer, caseId, "approved", List.of(documentId))
                .then()
                .statusCode(200);
        assertThat(caseView(reviewer, caseId).getList("documents[0].reviewers_without_grant"))
                .isEmpty();
        problem(rewrap(reviewer, newcomer, newcomerKey), 409, "case-decided");
    }

    @Test
    void aRewrapByAnOrgAdminWhoHoldsNoGrantIsRefused() {
        problem(rewrap(newcomer, reviewer, "x".repeat(43)), 403, "forbidden");
    }

    private Response rewrap(Party by, Party forReviewer, String keyId) {
        return grant(
                by,
                documentId,
                Map.of(
                        "party",
                        "reviewer",
                        "subject",
                        forReviewer.subject(),
                        "key_id",
                        keyId,
                        "wrapped_key",
                        Browser.wrap(sealed.dataKey(), modulus(forReviewer))));
    }

    private static void problem(Response response, int status, String slug) {
        response.then()
                .statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("type", endsWith("/" + slug));
    }
}
