package dev.attest.wallet.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.wallet.support.DfnsAccount;
import dev.attest.wallet.support.FakeHost;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Test Connection answers a classification (ok, unauthorized, unreachable, unexpected-answer) in fixed words:
 * never what the host at the API base URL answered, so that it cannot be used to read another host's answers.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class DfnsConnectionCheckTest {
    private static final String SECRET_WORDS = "internal-secret-words-42";

    @Test
    void dfnsAcceptingBothIsOk() {
        DfnsAccount org = DfnsAccount.register("Ed25519").configure();
        check(org)
                .body("ok", equalTo(true))
                .body("token", equalTo("ok"))
                .body("signing_key", equalTo("ok"))
                .body("result", equalTo("ok"))
                .body("detail", nullValue());
    }

    @Test
    void aTokenDfnsRefusesIsUnauthorizedInOurWords() {
        DfnsAccount org = DfnsAccount.register("EC");
        org.configure(Map.of("token", "not-a-token"));
        String body = check(org)
                .body("ok", equalTo(false))
                .body("token", equalTo("failed"))
                .body("signing_key", equalTo("skipped"))
                .body("result", equalTo("unauthorized"))
                .body("detail", equalTo("token: Dfns refused the API token."))
                .extract()
                .asString();
        // Dfns's own message ("Invalid or expired token") is not passed on.
        assertThat(body).doesNotContain("Invalid").doesNotContain("expired").doesNotContain("not-a-token");
    }

    @Test
    void aSigningKeyDfnsRefusesIsUnauthorizedInOurWords() {
        DfnsAccount org = DfnsAccount.register("EC");
        String foreignKey = DfnsAccount.pem(
                "PRIVATE KEY", DfnsAccount.newKeys("EC").getPrivate().getEncoded());
        org.configure(Map.of("private_key", foreignKey));
        String body = check(org)
                .body("ok", equalTo(false))
                .body("token", equalTo("ok"))
                .body("signing_key", equalTo("failed"))
                .body("result", equalTo("unauthorized"))
                .body("detail", equalTo("signing key: Dfns refused the signed request."))
                .extract()
                .asString();
        assertThat(body).doesNotContain("Signature").doesNotContain("credential");
    }

    @Test
    void aHostThatDoesNotAnswerIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DfnsAccount org = DfnsAccount.register("EC")
                .configure(Map.of("api_base_url", "http://127.0.0.1:" + closedPort + "/dfns"));
        check(org)
                .body("ok", equalTo(false))
                .body("token", equalTo("failed"))
                .body("result", equalTo("unreachable"))
                .body(
                        "detail",
                        equalTo("token: Dfns could not be reached, or is failing; check the API base URL and try"
                                + " again later."));
    }

    @Test
    void aHostAnsweringSomethingElseIsAnUnexpectedAnswerAndItsWordsAreNotRepeated() {
        try (FakeHost page = FakeHost.answering(200, Map.of("Content-Type", "text/html"), "<html>" + SECRET_WORDS);
                FakeHost json = FakeHost.answering(200, "{\"message\":\"" + SECRET_WORDS + "\"}");
                FakeHost missing = FakeHost.answering(404, "{\"error\":{\"message\":\"" + SECRET_WORDS + "\"}}");
                FakeHost redirect = FakeHost.answering(
                        302, Map.of("Location", "http://169.254.169.254/latest/meta-data/"), SECRET_WORDS)) {
            for (FakeHost host : new FakeHost[] {page, json, missing, redirect}) {
                DfnsAccount org = DfnsAccount.register("EC").configure(Map.of("api_base_url", host.url("127.0.0.1")));
                String body = check(org)
                        .body("ok", equalTo(false))
                        .body("token", equalTo("failed"))
                        .body("result", equalTo("unexpected-answer"))
                        .extract()
                        .asString();
                assertThat(body)
                        .doesNotContain(SECRET_WORDS)
                        .doesNotContain("404")
                        .doesNotContain("302");
                assertThat(host.requests()).isPositive();
            }
        }
    }

    @Test
    void aHostRefusingTheTokenIsUnauthorizedAndItsWordsAreNotRepeated() {
        try (FakeHost refusing = FakeHost.answering(401, "{\"error\":{\"message\":\"" + SECRET_WORDS + "\"}}")) {
            DfnsAccount org = DfnsAccount.register("EC").configure(Map.of("api_base_url", refusing.url("127.0.0.1")));
            String body =
                    check(org).body("result", equalTo("unauthorized")).extract().asString();
            assertThat(body).doesNotContain(SECRET_WORDS);
        }
    }

    private static ValidatableResponse check(DfnsAccount org) {
        return given().auth()
                .oauth2(org.admin())
                .post("/orgs/" + org.orgId + "/integrations/dfns/test")
                .then()
                .statusCode(200);
    }
}
