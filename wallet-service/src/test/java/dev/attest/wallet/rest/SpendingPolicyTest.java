package dev.attest.wallet.rest;

import static dev.attest.testing.Waits.waitFor;
import static dev.attest.wallet.rest.TransferTest.native_;
import static dev.attest.wallet.rest.TransferTest.newAddress;
import static dev.attest.wallet.rest.TransferTest.transfer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.attest.common.tenant.Tenants;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.wallet.repository.TransferRepository;
import dev.attest.wallet.support.DfnsAccount;
import dev.attest.wallet.support.KycEvents;
import dev.attest.wallet.support.TenantEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.Keys;

/**
 * The spending policy on its own endpoint: set and read without any Dfns secret, the Dfns settings left as
 * they were, held to by the next transfer, bad amounts refused with nothing changed, other orgs kept out.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class SpendingPolicyTest {
    private static final BigInteger MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

    @Inject
    Tenants replica;

    @Inject
    TransferRepository transfers;

    @Test
    void anAdminSetsAndReadsThePolicyWithoutAnySecretAndTheDfnsSettingsStayAsTheyWere() {
        DfnsAccount org = DfnsAccount.register("EC").configure(Map.of("per_transfer_limit", "1000"));
        // A policy set with the Dfns settings (as before) is the one the new endpoint answers.
        policy(org)
                .statusCode(200)
                .body("per_transfer_limit", equalTo("1000"))
                .body("daily_limit", nullValue())
                .body("approval_threshold", nullValue())
                .body("updated_by", equalTo("admin-" + org.orgId));
        Map<String, Object> dfnsBefore = dfns(org);

        String body = "{\"per_transfer_limit\":\"5000\",\"daily_limit\":\"20000\",\"approval_threshold\":\"2500\"}";
        putPolicy(org, org.admin(), body)
                .statusCode(200)
                .body("per_transfer_limit", equalTo("5000"))
                .body("daily_limit", equalTo("20000"))
                .body("approval_threshold", equalTo("2500"))
                .body("updated_at", notNullValue())
                .body("updated_by", equalTo("admin-" + org.orgId));
        policy(org)
                .statusCode(200)
                .body("per_transfer_limit", equalTo("5000"))
                .body("daily_limit", equalTo("20000"))
                .body("approval_threshold", equalTo("2500"));

        // The Dfns settings are as they were: same masked secrets, same everything but the policy they show.
        Map<String, Object> dfnsAfter = dfns(org);
        assertThat(dfnsAfter)
                .containsEntry("token", "********")
                .containsEntry("private_key", "********")
                .containsEntry("webhook_secret", "********")
                .containsEntry("per_transfer_limit", "5000")
                .containsEntry("daily_limit", "20000")
                .containsEntry("approval_threshold", "2500");
        assertThat(withoutPolicy(dfnsAfter)).isEqualTo(withoutPolicy(dfnsBefore));
        // ... and the stored token and signing key still work.
        given().auth()
                .oauth2(org.admin())
                .post("/orgs/" + org.orgId + "/integrations/dfns/test")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true));

        // The whole policy is replaced: what is left out or null is no limit.
        putPolicy(org, org.admin(), "{\"daily_limit\":\"30000\",\"approval_threshold\":null}")
                .statusCode(200)
                .body("per_transfer_limit", nullValue())
                .body("daily_limit", equalTo("30000"))
                .body("approval_threshold", nullValue());
        putPolicy(org, org.admin(), "{}").statusCode(200);
        policy(org)
                .statusCode(200)
                .body("per_transfer_limit", nullValue())
                .body("daily_limit", nullValue())
                .body("approval_threshold", nullValue());
        assertThat(withoutPolicy(dfns(org))).isEqualTo(withoutPolicy(dfnsBefore));
    }

    @Test
    void theNextTransferIsHeldToThePolicySetOnItsOwn() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String user = "user-" + UUID.randomUUID();
        String walletId = provision(org, user);
        transfer(org, user, walletId, "p-1", native_(newAddress(), "601"))
                .statusCode(202)
                .body("status", not(equalTo("awaiting_approval")));

        putPolicy(org, org.admin(), "{\"per_transfer_limit\":\"600\",\"approval_threshold\":\"100\"}")
                .statusCode(200);
        transfer(org, user, walletId, "p-2", native_(newAddress(), "601"))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://attest.dev/problems/spending-limit-exceeded"));
        transfer(org, user, walletId, "p-3", native_(newAddress(), "150"))
                .statusCode(202)
                .body("status", equalTo("awaiting_approval"));

        putPolicy(org, org.admin(), "{}").statusCode(200);
        transfer(org, user, walletId, "p-4", native_(newAddress(), "601"))
                .statusCode(202)
                .body("status", not(equalTo("awaiting_approval")));
    }

    static Stream<Arguments> badPolicies() {
        return Stream.of(
                Arguments.of("{\"per_transfer_limit\":\"-1\"}", "per_transfer_limit"),
                Arguments.of("{\"daily_limit\":\"abc\"}", "daily_limit"),
                Arguments.of("{\"approval_threshold\":\"1.5\"}", "approval_threshold"),
                Arguments.of("{\"per_transfer_limit\":\"0\"}", "per_transfer_limit"),
                Arguments.of("{\"per_transfer_limit\":\"\"}", "per_transfer_limit"),
                Arguments.of("{\"daily_limit\":\" 100\"}", "daily_limit"),
                Arguments.of("{\"daily_limit\":\"0100\"}", "daily_limit"),
                Arguments.of("{\"approval_threshold\":\"1e3\"}", "approval_threshold"),
                Arguments.of("{\"per_transfer_limit\":\"" + MAX.add(BigInteger.ONE) + "\"}", "per_transfer_limit"),
                Arguments.of("{\"daily_limit\":\"" + "9".repeat(200) + "\"}", "daily_limit"),
                Arguments.of("{\"per_transfer_limit\":\"600\",\"approval_threshold\":\"-5\"}", "approval_threshold"),
                // Not a string at all, or no policy: refused too.
                Arguments.of("{\"approval_threshold\":-5}", null),
                Arguments.of("not json", null),
                Arguments.of("", null));
    }

    @ParameterizedTest
    @MethodSource("badPolicies")
    void aBadAmountIsRefusedAndNothingChanges(String body, String field) {
        DfnsAccount org = DfnsAccount.register("EC").configure(Map.of("approval_threshold", "100"));
        Map<String, Object> policyBefore = policy(org).extract().jsonPath().getMap("");
        Map<String, Object> dfnsBefore = dfns(org);

        ValidatableResponse refused =
                putPolicy(org, org.admin(), body).statusCode(400).contentType("application/problem+json");
        if (field != null) {
            refused.body("type", equalTo("https://attest.dev/problems/validation-failed"))
                    .body("errors.size()", equalTo(1))
                    .body("errors[0].field", equalTo(field));
        }

        assertThat(policy(org).extract().jsonPath().getMap("")).isEqualTo(policyBefore);
        assertThat(dfns(org)).isEqualTo(dfnsBefore);
    }

    @Test
    void theLargestAmountIsTwoToThe256MinusOneOnBothEndpoints() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        putPolicy(org, org.admin(), "{\"daily_limit\":\"" + MAX + "\"}")
                .statusCode(200)
                .body("daily_limit", equalTo(MAX.toString()));
        // The Dfns settings' policy fields follow the same rule.
        Map<String, Object> before = dfns(org);
        given().auth()
                .oauth2(org.admin())
                .contentType("application/json")
                .body(dfnsBody(
                        org,
                        Map.of("per_transfer_limit", MAX.add(BigInteger.ONE).toString())))
                .put("/orgs/" + org.orgId + "/integrations/dfns")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://attest.dev/problems/validation-failed"))
                .body("errors[0].field", equalTo("per_transfer_limit"));
        assertThat(dfns(org)).isEqualTo(before);
        org.configure(Map.of("per_transfer_limit", MAX.toString()));
        policy(org).body("per_transfer_limit", equalTo(MAX.toString())).body("daily_limit", nullValue());
    }

    @Test
    void withoutStoredDfnsSettingsThereIsNoPolicyToSet() {
        DfnsAccount org = DfnsAccount.register("EC");
        policy(org)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://attest.dev/problems/dfns-not-configured"));
        putPolicy(org, org.admin(), "{\"approval_threshold\":\"100\"}")
                .statusCode(409)
                .body("type", equalTo("https://attest.dev/problems/dfns-not-configured"));
        given().auth()
                .oauth2(org.admin())
                .get("/orgs/" + org.orgId + "/integrations/dfns")
                .then()
                .statusCode(404);
    }

    @Test
    void onlyTheOrgsAdminsReachItsPolicyNamedByIdOrSlug() {
        DfnsAccount org = DfnsAccount.register("EC").configure(Map.of("approval_threshold", "100"));
        DfnsAccount other = DfnsAccount.register("EC").configure();
        String slug = "slug-" + UUID.randomUUID();
        try (TenantEvents tenants = new TenantEvents()) {
            tenants.organizationCreated(org.orgId, slug);
        }
        waitFor("organization " + slug + " in the tenant replica")
                .untilAsserted(() -> assertThat(replica.orgIdOf(slug)).isEqualTo(org.orgId));
        String change = "{\"approval_threshold\":\"1\"}";

        for (String name : new String[] {org.orgId, slug}) {
            given().auth()
                    .oauth2(other.admin())
                    .get("/orgs/" + name + "/spending-policy")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            putPolicy(name, other.admin(), change).statusCode(404).contentType("application/problem+json");
            given().auth()
                    .oauth2(org.user("user-" + UUID.randomUUID()))
                    .get("/orgs/" + name + "/spending-policy")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            putPolicy(name, org.user("user-" + UUID.randomUUID()), change)
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().get("/orgs/" + org.orgId + "/spending-policy").then().statusCode(401);

        // Nothing changed, and the org's own admin reaches it by slug as by id.
        given().auth()
                .oauth2(org.admin())
                .get("/orgs/" + slug + "/spending-policy")
                .then()
                .statusCode(200)
                .body("approval_threshold", equalTo("100"));
        putPolicy(slug, org.admin(), "{\"approval_threshold\":\"200\"}").statusCode(200);
        policy(org).body("approval_threshold", equalTo("200"));
        // The other org's own policy is untouched.
        policy(other).statusCode(200).body("approval_threshold", nullValue());
    }

    @Test
    void tokenLimitsAndTheDailyCountAreSetAndReadWithThePolicyAndTheDfnsSettingsLeaveThem() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String token = Keys.toChecksumAddress(newAddress());
        String body = "{\"per_transfer_limit\":\"5000\",\"daily_count_limit\":3,\"token_limits\":[{\"contract\":\""
                + token + "\",\"decimals\":6,\"per_transfer_limit\":\"1000000\",\"daily_limit\":\"5000000\"}]}";
        putPolicy(org, org.admin(), body)
                .statusCode(200)
                .body("per_transfer_limit", equalTo("5000"))
                .body("daily_count_limit", equalTo(3))
                .body("token_limits.size()", equalTo(1))
                .body("token_limits[0].contract", equalTo(token.toLowerCase(Locale.ROOT)))
                .body("token_limits[0].decimals", equalTo(6))
                .body("token_limits[0].per_transfer_limit", equalTo("1000000"))
                .body("token_limits[0].daily_limit", equalTo("5000000"))
                .body("token_limits[0].approval_threshold", nullValue());
        Map<String, Object> set =
                policy(org).statusCode(200).extract().jsonPath().getMap("");

        // The Dfns settings carry the native parts only: storing them again leaves the count and the tokens.
        org.configure(Map.of("per_transfer_limit", "7"));
        policy(org)
                .statusCode(200)
                .body("per_transfer_limit", equalTo("7"))
                .body("daily_count_limit", equalTo(3))
                .body("token_limits", equalTo(set.get("token_limits")));

        // The policy's own PUT replaces it whole: what is left out is no limit.
        putPolicy(org, org.admin(), "{\"daily_limit\":\"9\"}")
                .statusCode(200)
                .body("daily_count_limit", nullValue())
                .body("token_limits.size()", equalTo(0));
        policy(org).body("daily_limit", equalTo("9")).body("token_limits.size()", equalTo(0));
    }

    static Stream<Arguments> badTokenPolicies() {
        String token = newAddress();
        String checksummed = Keys.toChecksumAddress(token);
        // EIP-55's own example, one letter's case changed: a mistyped address.
        String wrongChecksum = "0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        String many = Stream.generate(() -> "{\"contract\":\"" + newAddress() + "\",\"decimals\":18}")
                .limit(101)
                .collect(Collectors.joining(","));
        return Stream.of(
                Arguments.of(tokens("{\"contract\":\"0x12\",\"decimals\":18}"), "token_limits[].contract"),
                Arguments.of(
                        tokens("{\"contract\":\"" + "0x" + "a".repeat(100_000) + "\",\"decimals\":18}"),
                        "token_limits[].contract"),
                Arguments.of(tokens("{\"decimals\":18}"), "token_limits[].contract"),
                Arguments.of(tokens("{\"contract\":\"" + wrongChecksum + "\",\"decimals\":18}"), null),
                Arguments.of(
                        tokens("{\"contract\":\"" + token + "\",\"decimals\":18},{\"contract\":\"" + checksummed
                                + "\",\"decimals\":6}"),
                        null),
                Arguments.of(tokens("{\"contract\":\"" + token + "\"}"), "token_limits[].decimals"),
                Arguments.of(tokens("{\"contract\":\"" + token + "\",\"decimals\":-1}"), "token_limits[].decimals"),
                Arguments.of(tokens("{\"contract\":\"" + token + "\",\"decimals\":256}"), "token_limits[].decimals"),
                Arguments.of(
                        tokens("{\"contract\":\"" + token + "\",\"decimals\":18,\"daily_limit\":\"1.5\"}"),
                        "token_limits[].daily_limit"),
                Arguments.of(
                        tokens("{\"contract\":\"" + token + "\",\"decimals\":18,\"per_transfer_limit\":\""
                                + MAX.add(BigInteger.ONE) + "\"}"),
                        "token_limits[].per_transfer_limit"),
                Arguments.of(tokens(many), "token_limits"),
                Arguments.of("{\"token_limits\":[null]}", "token_limits[]"),
                Arguments.of("{\"token_limits\":\"all\"}", null),
                Arguments.of("{\"daily_count_limit\":0}", "daily_count_limit"),
                Arguments.of("{\"daily_count_limit\":100001}", "daily_count_limit"),
                Arguments.of("{\"daily_count_limit\":99999999999}", null));
    }

    @ParameterizedTest
    @MethodSource("badTokenPolicies")
    void aBadTokenLimitOrCountIsRefusedAndNothingChanges(String body, String field) {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        putPolicy(
                        org,
                        org.admin(),
                        "{\"daily_count_limit\":5,\"token_limits\":[{\"contract\":\"" + newAddress()
                                + "\",\"decimals\":18,\"daily_limit\":\"100\"}]}")
                .statusCode(200);
        Map<String, Object> before = policy(org).extract().jsonPath().getMap("");

        ValidatableResponse refused =
                putPolicy(org, org.admin(), body).statusCode(400).contentType("application/problem+json");
        if (field != null) {
            refused.body("type", equalTo("https://attest.dev/problems/validation-failed"))
                    .body("errors.field", hasItem(startsWith(field.replace("[]", ""))));
        }
        assertThat(policy(org).extract().jsonPath().getMap("")).isEqualTo(before);
    }

    @Test
    void tokenTransfersAreHeldToTheirTokensOwnLimitsInTheTokensUnits() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String user = "user-" + UUID.randomUUID();
        String walletId = provision(org, user);
        String token = Keys.toChecksumAddress(newAddress());
        putPolicy(
                        org,
                        org.admin(),
                        "{\"per_transfer_limit\":\"10\",\"token_limits\":[{\"contract\":\"" + token
                                + "\",\"decimals\":18,\"per_transfer_limit\":\"100\",\"daily_limit\":\"150\","
                                + "\"approval_threshold\":\"1\"}]}")
                .statusCode(200);

        transfer(org, user, walletId, "t-1", erc20(token, "101"))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://attest.dev/problems/spending-limit-exceeded"));
        // Above the token's approval threshold: it waits, unsent. The contract matches in any letter case.
        String waiting = transfer(org, user, walletId, "t-2", erc20(token.toLowerCase(Locale.ROOT), "100"))
                .statusCode(202)
                .body("status", equalTo("awaiting_approval"))
                .extract()
                .path("transfer_id");
        transfer(org, user, walletId, "t-3", erc20(token, "60"))
                .statusCode(422)
                .body("type", equalTo("https://attest.dev/problems/daily-limit-exceeded"));
        transfer(org, user, walletId, "t-4", erc20(token, "50"))
                .statusCode(202)
                .body("status", equalTo("awaiting_approval"));
        // The native limit is in wei and applies to native transfers only; the token's sums are not native ones.
        transfer(org, user, walletId, "t-5", native_(newAddress(), "11"))
                .statusCode(422)
                .body("type", equalTo("https://attest.dev/problems/spending-limit-exceeded"));
        transfer(org, user, walletId, "t-6", native_(newAddress(), "10")).statusCode(202);
        // A token the policy does not list has no amount limit.
        transfer(org, user, walletId, "t-7", erc20(Keys.toChecksumAddress(newAddress()), "1000000000000000000000"))
                .statusCode(202)
                .body("status", not(equalTo("awaiting_approval")));

        // Approved, the token transfer goes to Dfns as an Erc20 transfer of its contract.
        given().auth()
                .oauth2(org.admin())
                .post("/orgs/" + org.orgId + "/transfer-approvals/" + waiting + "/approve")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(org.admin())
                .get("/orgs/" + org.orgId + "/transactions")
                .then()
                .statusCode(200)
                .body("items.find { it.transfer_id == '" + waiting + "' }.kind", equalTo("erc20"))
                .body("items.find { it.transfer_id == '" + waiting + "' }.contract", equalToIgnoringCase(token))
                .body("items.find { it.transfer_id == '" + waiting + "' }.amount", equalTo("100"));
    }

    @Test
    void theDailyCountHoldsEveryAssetAndConcurrentRequestsCannotBothTakeTheLastOne() throws Exception {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String user = "user-" + UUID.randomUUID();
        String walletId = provision(org, user);
        String token = newAddress();
        // Everything waits for approval, so nothing fails on the way and every transfer stays counted.
        putPolicy(
                        org,
                        org.admin(),
                        "{\"daily_count_limit\":3,\"approval_threshold\":\"1\",\"token_limits\":[{" + "\"contract\":\""
                                + token + "\",\"decimals\":0,\"approval_threshold\":\"1\"}]}")
                .statusCode(200);

        transfer(org, user, walletId, "c-1", native_(newAddress(), "5")).statusCode(202);
        String second = transfer(org, user, walletId, "c-2", erc20(token, "5"))
                .statusCode(202)
                .extract()
                .path("transfer_id");
        // Two requests at once for the last transfer of the day: one is taken, the other refused.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = pool.invokeAll(List.of(
                    () -> transfer(org, user, walletId, "c-3", native_(newAddress(), "5"))
                            .extract()
                            .statusCode(),
                    () -> transfer(org, user, walletId, "c-4", erc20(token, "5"))
                            .extract()
                            .statusCode()));
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                codes.add(answer.get());
            }
            assertThat(codes).containsExactlyInAnyOrder(202, 422);
        } finally {
            pool.shutdownNow();
        }
        transfer(org, user, walletId, "c-5", native_(newAddress(), "5"))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://attest.dev/problems/daily-count-exceeded"));
        assertThat(count(walletId)).isEqualTo(3);

        // A rejected transfer does not count: the day has room for one more.
        given().auth()
                .oauth2(org.admin())
                .contentType("application/json")
                .body("{\"reason\":\"not today\"}")
                .post("/orgs/" + org.orgId + "/transfer-approvals/" + second + "/reject")
                .then()
                .statusCode(200);
        transfer(org, user, walletId, "c-6", native_(newAddress(), "5")).statusCode(202);
    }

    private long count(String walletId) {
        return QuarkusTransaction.requiringNew().call(() -> transfers.countForWallet(UUID.fromString(walletId)));
    }

    private static String erc20(String contract, String amount) {
        return "{\"kind\":\"erc20\",\"contract\":\"" + contract + "\",\"to\":\"" + newAddress() + "\",\"amount\":\""
                + amount + "\"}";
    }

    private static String tokens(String entries) {
        return "{\"token_limits\":[" + entries + "]}";
    }

    private static ValidatableResponse policy(DfnsAccount org) {
        return given().auth()
                .oauth2(org.admin())
                .get("/orgs/" + org.orgId + "/spending-policy")
                .then();
    }

    private static ValidatableResponse putPolicy(DfnsAccount org, String token, String body) {
        return putPolicy(org.orgId, token, body);
    }

    private static ValidatableResponse putPolicy(String org, String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .put("/orgs/" + org + "/spending-policy")
                .then();
    }

    private static Map<String, Object> dfns(DfnsAccount org) {
        return given().auth()
                .oauth2(org.admin())
                .get("/orgs/" + org.orgId + "/integrations/dfns")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    private static Map<String, Object> withoutPolicy(Map<String, Object> dfns) {
        Map<String, Object> rest = new java.util.HashMap<>(dfns);
        rest.remove("per_transfer_limit");
        rest.remove("daily_limit");
        rest.remove("approval_threshold");
        return rest;
    }

    private static String dfnsBody(DfnsAccount org, Map<String, String> extra) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "api_base_url", DfnsAccount.baseUrl() + "/dfns",
                "token", org.token,
                "credential_id", org.credentialId,
                "private_key", org.privateKeyPem,
                "default_network", "Ethereum",
                "webhook_secret", org.webhookSecret));
        settings.putAll(extra);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(settings);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String provision(DfnsAccount org, String user) {
        try (KycEvents kyc = new KycEvents()) {
            kyc.statusChanged(org.orgId, user, "case-1", "verified");
        }
        WalletProvisioningTest.awaitProvisioned(org, user);
        return WalletProvisioningTest.me(org, user).get("wallet_id").asText();
    }
}
