package dev.attest.wallet.rest;

import static dev.attest.testing.Waits.waitFor;
import static dev.attest.wallet.rest.TransferTest.native_;
import static dev.attest.wallet.rest.TransferTest.newAddress;
import static dev.attest.wallet.rest.TransferTest.status;
import static dev.attest.wallet.rest.TransferTest.transfer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.wallet.client.DfnsClient;
import dev.attest.wallet.client.DfnsCredentials;
import dev.attest.wallet.client.DfnsTransfer;
import dev.attest.wallet.client.DfnsWallet;
import dev.attest.wallet.support.DfnsAccount;
import dev.attest.wallet.support.KycEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /orgs/{org}/transactions}: the org's transfers as Dfns lists them, wallet by wallet as Dfns lists
 * the wallets, each joined with what wallet-service knows of it; paged across wallets with one opaque token.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class OrgTransactionsTest {
    @Inject
    DfnsClient dfns;

    private KycEvents kyc;

    @BeforeEach
    void connect() {
        kyc = new KycEvents();
    }

    @AfterEach
    void disconnect() {
        kyc.close();
        given().delete("/dfns/_sandbox/faults").then().statusCode(204);
    }

    @Test
    void theTransfersAreDfnssWalletByWalletJoinedWithOursAndPagedAcrossWallets() {
        DfnsAccount org = DfnsAccount.register("EC").configure(Map.of("approval_threshold", "1000"));
        String alice = "user-" + UUID.randomUUID();
        String bob = "user-" + UUID.randomUUID();
        String aliceWallet = provision(org, alice); // Dfns lists Alice's wallet first, then Bob's
        String bobWallet = provision(org, bob);
        String a1 = transferId(transfer(org, alice, aliceWallet, "a-1", native_(newAddress(), "11")));
        String a2 = transferId(transfer(org, alice, aliceWallet, "a-2", native_(newAddress(), "12")));
        String b1 = transferId(transfer(org, bob, bobWallet, "b-1", native_(newAddress(), "21")));
        // Above the approval threshold: waiting for an admin, never sent, so Dfns does not list it.
        transfer(org, bob, bobWallet, "b-2", native_(newAddress(), "5000"))
                .statusCode(202)
                .body("status", equalTo("awaiting_approval"));
        // A wallet and a transfer made at Dfns outside Attest, last in Dfns's listing.
        DfnsCredentials credentials = org.credentials();
        DfnsWallet outsideWallet =
                dfns.createWallet(credentials, "Ethereum", "treasury", "outside-" + UUID.randomUUID(), List.of());
        String outsideTo = newAddress();
        DfnsTransfer outside = dfns.createTransfer(
                credentials, outsideWallet.id(), outsideTo, "31", Optional.empty(), "outside-" + UUID.randomUUID());
        waitFor("transfer " + a1 + " confirmed").untilAsserted(() -> assertThat(status(org, alice, aliceWallet, a1))
                .isEqualTo("confirmed"));
        waitFor("transfer " + a2 + " confirmed").untilAsserted(() -> assertThat(status(org, alice, aliceWallet, a2))
                .isEqualTo("confirmed"));
        waitFor("transfer " + b1 + " confirmed")
                .untilAsserted(() -> assertThat(status(org, bob, bobWallet, b1)).isEqualTo("confirmed"));

        ValidatableResponse all = transactions(org, "")
                .statusCode(200)
                .contentType("application/json")
                .body("items.transfer_id", equalTo(java.util.Arrays.asList(a1, a2, b1, null)))
                .body("next_page_token", nullValue());
        // Ours as Dfns reports them, with our ids, users and wallets.
        all.body("items[0].user_id", equalTo(alice))
                .body("items[0].wallet_id", equalTo(aliceWallet))
                .body("items[0].kind", equalTo("native"))
                .body("items[0].amount", equalTo("11"))
                .body("items[0].status", equalTo("confirmed"))
                .body("items[0].provider_transfer_id", notNullValue())
                .body("items[0].tx_hash", notNullValue())
                .body("items[0].created_at", notNullValue())
                .body("items[2].user_id", equalTo(bob))
                .body("items[2].wallet_id", equalTo(bobWallet))
                .body("items[2].amount", equalTo("21"));
        // The one made outside Attest is listed as Dfns has it, with nothing of ours.
        all.body("items[3].provider_transfer_id", equalTo(outside.id()))
                .body("items[3].user_id", nullValue())
                .body("items[3].wallet_id", nullValue())
                .body("items[3].to", equalTo(outsideTo))
                .body("items[3].amount", equalTo("31"))
                .body("items[3].status", notNullValue());

        // Two at a time: the token carries the walk across wallets; every transfer comes exactly once, in order.
        List<String> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ValidatableResponse page = transactions(org, "?limit=2" + (token == null ? "" : "&page_token=" + token))
                    .statusCode(200);
            List<String> ids = page.extract().jsonPath().getList("items.provider_transfer_id");
            assertThat(ids.size()).isLessThanOrEqualTo(2);
            paged.addAll(ids);
            token = page.extract().path("next_page_token");
            pages++;
        } while (token != null && pages < 10);
        assertThat(token).isNull();
        assertThat(paged).isEqualTo(all.extract().jsonPath().getList("items.provider_transfer_id"));
    }

    @Test
    void aPageAsksDfnsABoundedNumberOfTimesAndTheTokensStillWalkToTheEnd() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        DfnsCredentials credentials = org.credentials();
        List<DfnsWallet> made = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            made.add(dfns.createWallet(credentials, "Ethereum", "w" + i, "empty-" + UUID.randomUUID(), List.of()));
        }
        DfnsTransfer last = dfns.createTransfer(
                credentials, made.get(11).id(), newAddress(), "1", Optional.empty(), "last-" + UUID.randomUUID());

        // Eleven wallets without transfers come first: the first page stops before it finds anything.
        String token = transactions(org, "?limit=5")
                .statusCode(200)
                .body("items.size()", equalTo(0))
                .body("next_page_token", notNullValue())
                .extract()
                .path("next_page_token");
        List<String> found = new ArrayList<>();
        int pages = 1;
        while (token != null && pages < 10) {
            ValidatableResponse page =
                    transactions(org, "?limit=5&page_token=" + token).statusCode(200);
            found.addAll(page.extract().jsonPath().getList("items.provider_transfer_id"));
            token = page.extract().path("next_page_token");
            pages++;
        }
        assertThat(token).isNull();
        assertThat(found).containsExactly(last.id());
    }

    @Test
    void withoutSettingsWhenDfnsFailsOrRefusesTheAnswerIsAProblemInOurWords() {
        DfnsAccount unconfigured = DfnsAccount.register("EC");
        transactions(unconfigured, "")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://attest.dev/problems/dfns-not-configured"));

        DfnsAccount org = DfnsAccount.register("EC").configure();
        String user = "user-" + UUID.randomUUID();
        provision(org, user);
        String providerWallet = org.firstProviderWalletId();
        given().body("{\"kind\":\"server-error\",\"status\":503,\"count\":20,\"pathContains\":\"/wallets/"
                        + providerWallet + "/transfers\"}")
                .post("/dfns/_sandbox/faults")
                .then()
                .statusCode(204);
        transactions(org, "")
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://attest.dev/problems/dfns-unavailable"));
        given().delete("/dfns/_sandbox/faults").then().statusCode(204);
        transactions(org, "").statusCode(200).body("items.size()", equalTo(0));

        org.configure(Map.of("token", "revoked-token"));
        String refused = transactions(org, "")
                .statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("https://attest.dev/problems/dfns-refused"))
                .extract()
                .asString();
        assertThat(refused).doesNotContain("Invalid").doesNotContain("revoked-token");
    }

    @Test
    void aPageTokenThatIsNotOneOfOursIs400AndOnlyTheOrgsAdminsSeeTheListing() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        provision(org, "user-" + UUID.randomUUID());
        for (String token : List.of(
                "not a token",
                "%%%",
                base64("[]"),
                base64("{\"i\":42}"),
                base64("{\"i\":\"wa-not-on-this-page\"}"),
                "A".repeat(3000))) {
            given().auth()
                    .oauth2(org.admin())
                    .queryParam("page_token", token)
                    .get("/orgs/" + org.orgId + "/transactions")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://attest.dev/problems/invalid-page-token"));
        }
        DfnsAccount other = DfnsAccount.register("EC").configure();
        given().auth()
                .oauth2(other.admin())
                .get("/orgs/" + org.orgId + "/transactions")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(org.user("user-" + UUID.randomUUID()))
                .get("/orgs/" + org.orgId + "/transactions")
                .then()
                .statusCode(403);
    }

    private String provision(DfnsAccount org, String user) {
        kyc.statusChanged(org.orgId, user, "case-1", "verified");
        WalletProvisioningTest.awaitProvisioned(org, user);
        return WalletProvisioningTest.me(org, user).get("wallet_id").asText();
    }

    private static String transferId(ValidatableResponse response) {
        return response.statusCode(202).extract().path("transfer_id");
    }

    private static ValidatableResponse transactions(DfnsAccount org, String query) {
        return given().auth()
                .oauth2(org.admin())
                .get("/orgs/" + org.orgId + "/transactions" + query)
                .then();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
