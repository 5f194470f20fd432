package dev.attest.testing;

import static io.restassured.RestAssured.given;

import java.util.List;

/**
 * The test application's HTTP client meters as Prometheus scrapes them ({@code /q/metrics}): what a test of a
 * provider client checks, that calls are counted by the path's template and that no id reaches a label.
 */
public final class ClientMetrics {
    private ClientMetrics() {}

    /** Everything {@code /q/metrics} shows now. */
    public static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The {@code http_client_requests_seconds_count} lines of client {@code clientName} in {@code scraped}. */
    public static List<String> requestCounts(String scraped, String clientName) {
        return scraped.lines()
                .filter(line -> line.startsWith("http_client_requests_seconds_count"))
                .filter(line -> line.contains("clientName=\"" + clientName + "\""))
                .toList();
    }
}
