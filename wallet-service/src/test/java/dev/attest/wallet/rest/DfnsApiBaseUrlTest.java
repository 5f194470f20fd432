package dev.attest.wallet.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.wallet.repository.DfnsSettingsRepository;
import dev.attest.wallet.support.DfnsAccount;
import dev.attest.wallet.support.FakeHost;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Dfns API base URL is where the org's token is sent, so it is held to the outbound address policy (no
 * SSRF): on save, and again before every request. The test profile allows 127.0.0.1 (the sandbox) and ::1
 * only; every other loopback, private, link-local or metadata address stays refused, in whatever spelling.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class DfnsApiBaseUrlTest {
    @Inject
    DfnsSettingsRepository settings;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.2:%d/dfns", // loopback outside the allowed 127.0.0.1
                "http://127.1.2.3/",
                "http://10.0.0.1/",
                "http://172.16.5.4:8080/",
                "http://192.168.1.10/",
                "http://169.254.169.254/latest/meta-data/", // cloud metadata
                "http://100.100.100.200/",
                "http://0.0.0.0:%d/dfns",
                "http://2130706433/", // 127.0.0.1 in decimal
                "http://2130706434:%d/dfns",
                "http://0x7f000002/",
                "http://0177.0.0.2/",
                "http://127.2/",
                "http://[::ffff:127.0.0.2]:%d/dfns", // IPv4-mapped IPv6
                "http://[::ffff:a9fe:a9fe]/", // 169.254.169.254, mapped
                "http://[fd00::1]/",
                "http://[fe80::1]/",
                "http://[64:ff9b::a00:1]/", // NAT64 of 10.0.0.1
                "ftp://example.com/",
                "http://user:secret@127.0.0.1:%d/dfns"
            })
    void aUrlThePolicyRefusesIsNotStoredAndNothingIsSent(String template) {
        DfnsAccount org = DfnsAccount.register("EC");
        String url = template.formatted(RestAssured.port);

        String body = put(org, url)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", startsWith("https://attest.dev/problems/"))
                .extract()
                .asString();
        assertThat(body).doesNotContain(org.token).doesNotContain("PRIVATE KEY");
        given().auth()
                .oauth2(org.admin())
                .get("/orgs/" + org.orgId + "/integrations/dfns")
                .then()
                .statusCode(404);
    }

    @Test
    void aRefusedUrlIsNamedAndLeavesTheStoredSettingsAsTheyWere() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        Map<String, Object> before = settingsOf(org);

        put(org, "http://169.254.169.254/latest/meta-data/")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://attest.dev/problems/api-base-url-refused"))
                .body("detail", startsWith("api_base_url: "));
        put(org, "http://2130706433/")
                .statusCode(400)
                .body("type", equalTo("https://attest.dev/problems/api-base-url-refused"));

        assertThat(settingsOf(org)).isEqualTo(before);
    }

    @Test
    void anAllowListedAddressIsAcceptedAndUsed() {
        DfnsAccount org = DfnsAccount.register("EC");
        String url = "http://127.0.0.1:" + RestAssured.port + "/dfns";

        put(org, url).statusCode(200).body("api_base_url", equalTo(url));
        given().auth()
                .oauth2(org.admin())
                .post("/orgs/" + org.orgId + "/integrations/dfns/test")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true))
                .body("result", equalTo("ok"));
    }

    @Test
    void aStoredUrlThatNoLongerPassesIsRefusedBeforeEachRequestAndNothingReachesIt() {
        // As if the URL was stored before the policy, or its name now resolved to a private address.
        try (FakeHost target = FakeHost.answering(200, "{\"items\":[]}")) {
            DfnsAccount org = DfnsAccount.register("EC").configure();
            QuarkusTransaction.requiringNew()
                    .run(() -> settings.findById(org.orgId).apiBaseUrl = target.url("127.0.0.2"));

            given().auth()
                    .oauth2(org.admin())
                    .post("/orgs/" + org.orgId + "/integrations/dfns/test")
                    .then()
                    .statusCode(200)
                    .body("ok", equalTo(false))
                    .body("token", equalTo("failed"))
                    .body("result", equalTo("unreachable"));
            given().auth()
                    .oauth2(org.admin())
                    .get("/orgs/" + org.orgId + "/wallets")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://attest.dev/problems/dfns-unavailable"));
            given().auth()
                    .oauth2(org.admin())
                    .get("/orgs/" + org.orgId + "/transactions")
                    .then()
                    .statusCode(503);

            assertThat(target.requests()).isZero();
        }
    }

    private static io.restassured.response.ValidatableResponse put(DfnsAccount org, String url) {
        return given().auth()
                .oauth2(org.admin())
                .contentType("application/json")
                .body(Map.of(
                        "api_base_url", url,
                        "token", org.token,
                        "credential_id", org.credentialId,
                        "private_key", org.privateKeyPem,
                        "default_network", "Ethereum"))
                .put("/orgs/" + org.orgId + "/integrations/dfns")
                .then();
    }

    private static Map<String, Object> settingsOf(DfnsAccount org) {
        return given().auth()
                .oauth2(org.admin())
                .get("/orgs/" + org.orgId + "/integrations/dfns")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }
}
