package dev.attest.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every Attest service answers, whatever its domain: health with real readiness checks, its
 * OpenAPI document, Prometheus metrics, and a migrated database. A service's test extends this with
 * {@code @QuarkusTest} and the PostgreSQL and Kafka resources.
 */
public abstract class StandardEndpointsContract {

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesItsOpenApiDocument() {
        String name = config().getValue("quarkus.application.name", String.class);
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("Attest " + name));
    }

    @Test
    void servesPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void migratedTheEventBackboneTablesIntoItsOwnDatabase() throws Exception {
        Config config = config();
        try (Connection connection = DriverManager.getConnection(
                        config.getValue("quarkus.datasource.jdbc.url", String.class),
                        config.getValue("quarkus.datasource.username", String.class),
                        config.getValue("quarkus.datasource.password", String.class));
                Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery("select count(*) from information_schema.tables"
                        + " where table_name in ('attest_outbox', 'attest_inbox')")) {
            tables.next();
            assertThat(tables.getInt(1)).isEqualTo(2);
        }
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }
}
