package dev.attest.common.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class ProblemMappersTest {

    @Test
    void invalidFieldsAreNamedAsTheClientSentThem() {
        given().contentType("application/json")
                .body("{\"display_name\":\"\",\"email\":\"not-an-email\",\"quantity\":0}")
                .when()
                .post("/test/things")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://attest.dev/problems/validation-failed"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/test/things"))
                .body("errors", hasSize(3))
                .body("errors.field", org.hamcrest.Matchers.contains("display_name", "email", "quantity"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        given().contentType("application/json")
                .body("{\"display_name\": ")
                .when()
                .post("/test/things")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://attest.dev/problems/malformed-body"));
    }

    @Test
    void problemExceptionKeepsItsStatusAndType() {
        given().when()
                .get("/test/things/42")
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://attest.dev/problems/not-found"))
                .body("detail", equalTo("Thing 42 was not found"));
    }

    @Test
    void unknownRouteIsANotFoundProblem() {
        given().when()
                .get("/no/such/route")
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404));
    }

    @Test
    void unexpectedErrorsLeakNothing() {
        given().when()
                .get("/test/things/broken")
                .then()
                .statusCode(500)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://attest.dev/problems/internal-error"))
                .body("detail", startsWith("An unexpected error occurred; quote reference "))
                .body("detail", not(containsString("hunter2")));
    }
}
