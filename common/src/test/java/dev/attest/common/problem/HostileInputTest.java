package dev.attest.common.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What every service answers to input that is not what the operation takes: a 400 problem, never a 500 or a bare 400. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class HostileInputTest {
    private static final String VALID = "\"display_name\":\"box\",\"quantity\":1";

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[]                                                       | The request body must be an object.",
                "{\"display_name\":[\"a\"],\"quantity\":1}                | The field display_name must be a string.",
                "{\"display_name\":{\"a\":1},\"quantity\":1}              | The field display_name must be a string.",
                "{\"display_name\":\"box\",\"quantity\":\"many\"}         | The field quantity must be a number.",
                "{\"display_name\":\"box\",\"quantity\":1,\"tags\":{}}    | The field tags must be an array.",
                "{\"display_name\":\"box\",\"quantity\":1,\"tags\":[[1]]} | The field tags[0] must be a string.",
                "{\"display_name\":\"box\",\"quantity\":1,\"dimensions\":[]} | The field dimensions must be an object.",
            })
    void aWrongJsonTypeIsAProblemNamingTheField(String body, String detail) {
        given().contentType("application/json")
                .body(body)
                .when()
                .post("/test/things")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://attest.dev/problems/malformed-body"))
                .body("detail", equalTo(detail));
    }

    @Test
    void aWrongTypeIsDescribedInJsonTermsWithoutEchoingTheValue() {
        given().contentType("application/json")
                .body("{\"display_name\":{\"secret\":\"hunter2\"},\"quantity\":1}")
                .when()
                .post("/test/things")
                .then()
                .statusCode(400)
                .body("detail", not(containsString("hunter2")))
                .body("detail", not(containsString("java.")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"display_name\":\"a\\u0000b\",\"quantity\":1}",
                "{\"display_name\":\"box\",\"quantity\":1,\"tags\":[\"\\u0000\"]}",
                "{\"display_name\":\"box\",\"email\":\"a\\u0000@example.com\",\"quantity\":1}"
            })
    void aNulCharacterInAnyTextOfTheBodyIsRefusedBeforeTheResourceRuns(String body) {
        given().contentType("application/json")
                .body(body)
                .when()
                .post("/test/things")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://attest.dev/problems/invalid-text"));
    }

    @Test
    void aNulCharacterInAPathOrQueryParameterIsRefused() {
        given().urlEncodingEnabled(false)
                .when()
                .get("/test/things/a%00b")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://attest.dev/problems/invalid-text"));
        given().urlEncodingEnabled(false)
                .when()
                .get("/test/things?name=a%00b")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://attest.dev/problems/invalid-text"));
    }

    @Test
    void ordinaryTextStillPasses() {
        given().contentType("application/json")
                .body("{" + VALID + ",\"tags\":[\"a\\u0001b\",\"ü\"]}")
                .when()
                .post("/test/things")
                .then()
                .statusCode(200)
                .body("tags", contains("a\u0001b", "ü"));
    }

    @ParameterizedTest
    @CsvSource({"2147483647,20", "10001,20", "-1,20", "0,0", "0,101", "0,2147483647"})
    void pagingOutOfBoundsIsAValidationProblem(String page, String size) {
        given().queryParam("page", page)
                .queryParam("size", size)
                .when()
                .get("/test/things")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://attest.dev/problems/validation-failed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483648", "abc", "1e3"})
    void aPageThatIsNotAnIntegerIsABadRequestProblem(String page) {
        given().queryParam("page", page)
                .when()
                .get("/test/things")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://attest.dev/problems/invalid-parameter"));
    }

    @Test
    void theDeepestPageIsServedWithABoundedOffset() {
        given().queryParam("page", 10_000)
                .queryParam("size", 100)
                .when()
                .get("/test/things")
                .then()
                .statusCode(200)
                .body("[0]", equalTo("offset 1000000"));
    }
}
