package dev.attest.wallet.rest;

import static dev.attest.testing.Waits.waitFor;
import static dev.attest.wallet.rest.TransferTest.native_;
import static dev.attest.wallet.rest.TransferTest.newAddress;
import static dev.attest.wallet.rest.TransferTest.status;
import static dev.attest.wallet.rest.TransferTest.transfer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.wallet.support.DfnsAccount;
import dev.attest.wallet.support.KycEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /wallets/{wallet_id}/transfers}: the owner's transfer history, newest first, paged. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class TransferHistoryTest {
    private KycEvents kyc;

    @BeforeEach
    void connect() {
        kyc = new KycEvents();
    }

    @AfterEach
    void disconnect() {
        kyc.close();
    }

    @Test
    void theOwnersTransfersAreListedNewestFirstPageByPageAsEachIsShownAlone() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String user = "user-" + UUID.randomUUID();
        String walletId = provision(org, user);
        // Another user's transfer in the same org is not in this history.
        String neighbour = "user-" + UUID.randomUUID();
        transfer(org, neighbour, provision(org, neighbour), "n-1", native_(newAddress(), "9"))
                .statusCode(202);

        List<String> made = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            made.add(transfer(org, user, walletId, "history-" + i, native_(newAddress(), Integer.toString(i)))
                    .statusCode(202)
                    .extract()
                    .path("transfer_id"));
        }
        for (String id : made) {
            waitFor("transfer " + id + " confirmed").untilAsserted(() -> assertThat(status(org, user, walletId, id))
                    .isEqualTo("confirmed"));
        }

        ValidatableResponse first = history(org.user(user), walletId, "?limit=2")
                .statusCode(200)
                .contentType("application/json")
                .body("items.size()", equalTo(2))
                .body("items[0].transfer_id", equalTo(made.get(2)))
                .body("items[1].transfer_id", equalTo(made.get(1)))
                .body("next_page_token", equalTo(made.get(1)));
        history(org.user(user), walletId, "?limit=2&page_token=" + made.get(1))
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].transfer_id", equalTo(made.get(0)))
                .body("items[0].amount", equalTo("1"))
                .body("next_page_token", nullValue());

        // Each item is the transfer's own view.
        Map<String, Object> listed = first.extract().jsonPath().getMap("items[0]");
        Map<String, Object> alone = given().auth()
                .oauth2(org.user(user))
                .get("/wallets/" + walletId + "/transfers/" + made.get(2))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertThat(listed).isEqualTo(alone);
        assertThat(listed).containsEntry("user_id", user).containsEntry("status", "confirmed");

        // Without paging parameters: everything, 50 at most.
        history(org.user(user), walletId, "")
                .statusCode(200)
                .body("items.transfer_id", equalTo(List.of(made.get(2), made.get(1), made.get(0))))
                .body("next_page_token", nullValue());
    }

    @Test
    void aWalletWithoutTransfersHasAnEmptyHistory() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String user = "user-" + UUID.randomUUID();
        history(org.user(user), provision(org, user), "")
                .statusCode(200)
                .body("items.size()", equalTo(0))
                .body("next_page_token", nullValue());
    }

    @Test
    void anotherUsersWalletAndAnUnknownOneAreNotFound() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        DfnsAccount otherOrg = DfnsAccount.register("EC").configure();
        String user = "user-" + UUID.randomUUID();
        String walletId = provision(org, user);
        transfer(org, user, walletId, "private-1", native_(newAddress(), "3")).statusCode(202);

        // Another user of the org, and the same user id in another org: as if the wallet did not exist.
        for (String token : List.of(org.user("user-" + UUID.randomUUID()), otherOrg.user(user))) {
            history(token, walletId, "")
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://attest.dev/problems/not-found"));
        }
        // An org admin is not the owner: the user's own endpoints are for users.
        history(org.admin(), walletId, "").statusCode(403);
        history(org.user(user), UUID.randomUUID().toString(), "").statusCode(404);
        history(org.user(user), "not-a-wallet-id", "").statusCode(404).contentType("application/problem+json");
        given().get("/wallets/" + walletId + "/transfers").then().statusCode(401);
    }

    @Test
    void pagingParametersOutOfBoundsAre400NeverAServerError() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String user = "user-" + UUID.randomUUID();
        String walletId = provision(org, user);
        String neighbour = "user-" + UUID.randomUUID();
        String foreignTransfer = transfer(org, neighbour, provision(org, neighbour), "n-2", native_(newAddress(), "2"))
                .statusCode(202)
                .extract()
                .path("transfer_id");

        for (String limit :
                List.of("0", "101", "-1", "2147483648", "99999999999999999999999999", "1e3", "abc", "50.5", " ")) {
            history(org.user(user), walletId, "?limit=" + limit)
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://attest.dev/problems/validation-failed"))
                    .body("errors[0].field", equalTo("limit"));
        }
        for (String token : List.of(
                "not-a-token",
                "9".repeat(1000),
                foreignTransfer,
                UUID.randomUUID().toString())) {
            history(org.user(user), walletId, "?page_token=" + token)
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://attest.dev/problems/invalid-page-token"));
        }
        history(org.user(user), walletId, "?limit=1").statusCode(200);
        history(org.user(user), walletId, "?limit=100").statusCode(200);
        // Empty parameters are absent ones: the first page, 50 at most.
        history(org.user(user), walletId, "?limit=&page_token=").statusCode(200);
    }

    private String provision(DfnsAccount org, String user) {
        kyc.statusChanged(org.orgId, user, "case-1", "verified");
        WalletProvisioningTest.awaitProvisioned(org, user);
        return WalletProvisioningTest.me(org, user).get("wallet_id").asText();
    }

    private static ValidatableResponse history(String token, String walletId, String query) {
        return given().auth()
                .oauth2(token)
                .get("/wallets/" + walletId + "/transfers" + query)
                .then();
    }
}
