package dev.attest.document;

import static dev.attest.document.support.DocumentApi.requireDocuments;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.document.support.DocumentTestResources;
import dev.attest.document.support.Party;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Opening a case is idempotent: the console's first requests may arrive together. */
@QuarkusTest
@DocumentTestResources
class CaseOpeningTest {
    private static final int REQUESTS = 8;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void concurrentFirstRequestsOpenOneCaseAndAllAreAnswered() throws Exception {
        String org = "org-" + UUID.randomUUID();
        requireDocuments(Party.reviewer(org, "reviewer-1"), "project-1", 100_000);
        Party user = Party.user(org, "user-1");
        String token = user.token();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        List<Response> answers = new ArrayList<>();
        try {
            List<Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                sent.add(pool.submit(() -> {
                    start.await(); // every request leaves at once
                    return given().auth()
                            .oauth2(token)
                            .contentType(ContentType.JSON)
                            .body(Map.of("project_id", "project-1"))
                            .post("/documents/cases");
                }));
            }
            start.countDown();
            for (Future<Response> answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).extracting(Response::statusCode).allMatch(code -> code == 200 || code == 201);
        assertThat(answers)
                .extracting(Response::statusCode)
                .filteredOn(code -> code == 201)
                .hasSize(1);
        assertThat(answers)
                .extracting(a -> a.jsonPath().getString("id"))
                .doesNotContainNull()
                .containsOnly(answers.get(0).jsonPath().getString("id"));
        assertThat(new TestDatabase(dataSource).count("select count(*) from document_case where org_id = ?", org))
                .isEqualTo(1);
    }
}
