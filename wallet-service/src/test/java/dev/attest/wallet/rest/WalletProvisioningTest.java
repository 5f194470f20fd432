package dev.attest.wallet.rest;

import static dev.attest.testing.TopicReader.header;
import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.events.Topics;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TopicReader;
import dev.attest.wallet.client.CredentialKeys;
import dev.attest.wallet.client.DfnsClient;
import dev.attest.wallet.client.DfnsCredentials;
import dev.attest.wallet.client.DfnsWallet;
import dev.attest.wallet.support.DfnsAccount;
import dev.attest.wallet.support.KycEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class WalletProvisioningTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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
    }

    @Test
    void aUserWithoutVerifiedKycHasNoWallet() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        given().auth()
                .oauth2(org.user("nobody"))
                .get("/wallets/me")
                .then()
                .statusCode(200)
                .body("status", equalTo("none"))
                .body("address", nullValue());
    }

    @Test
    void aVerifiedUserGetsExactlyOneWalletEvenWhenTheEventIsDeliveredTwice() throws Exception {
        DfnsAccount org = DfnsAccount.register("Ed25519").configure();
        String user = "user-" + UUID.randomUUID();
        try (TopicReader events = TopicReader.of(Topics.WALLET)) {
            String id = kyc.statusChanged(org.orgId, user, "case-1", "verified");
            kyc.send(id, org.orgId, user, "case-1", "verified"); // redelivered
            kyc.statusChanged(org.orgId, user, "case-1", "verified"); // the same news in another event

            awaitProvisioned(org, user);
            JsonNode me = me(org, user);
            assertThat(me.get("address").asText()).startsWith("0x").hasSize(42);

            List<ConsumerRecord<String, byte[]>> provisioned = events.readUntil(
                    records -> ofType(records, org.orgId + ":" + user, "attest.wallet.provisioned.v1")
                                    .size()
                            == 1,
                    Duration.ofSeconds(20));
            List<JsonNode> mine = ofType(provisioned, org.orgId + ":" + user, "attest.wallet.provisioned.v1");
            assertThat(mine).hasSize(1);
            assertThat(mine.get(0).get("address").asText())
                    .isEqualTo(me.get("address").asText());
            assertThat(mine.get(0).get("wallet_id").asText())
                    .isEqualTo(me.get("wallet_id").asText());
            assertThat(mine.get(0).get("kyc_case_id").asText()).isEqualTo("case-1");
        }
        // Dfns itself holds one wallet for the org, listed with its user.
        given().auth()
                .oauth2(org.admin())
                .get("/orgs/" + org.orgId + "/wallets")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].user_id", equalTo(user));
    }

    @Test
    void theWalletIsProvisionedInTheTraceOfTheKycEvent() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String user = "user-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String kycSpan = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String key = org.orgId + ":" + user;
        try (TopicReader events = TopicReader.of(Topics.WALLET)) {
            kyc.statusChangedInTrace(org.orgId, user, "case-1", "verified", "00-" + traceId + "-" + kycSpan + "-01");

            // Provisioned later by the worker, on its own thread: still the KYC event's trace.
            List<ConsumerRecord<String, byte[]>> records = events.readUntil(
                    r -> !ofType(r, key, "attest.wallet.provisioned.v1").isEmpty(), Duration.ofSeconds(30));
            List<String> traceparents = records.stream()
                    .filter(r -> key.equals(r.key()))
                    .filter(r -> "attest.wallet.provisioned.v1".equals(TopicReader.header(r, "ce_type")))
                    .map(r -> TopicReader.header(r, "ce_traceparent"))
                    .toList();
            assertThat(traceparents).hasSize(1);
            assertThat(traceparents.get(0).split("-")[1])
                    .as("the KYC event's trace id")
                    .isEqualTo(traceId);
            assertThat(traceparents.get(0).split("-")[2])
                    .as("this service's span")
                    .isNotEqualTo(kycSpan);
        }
    }

    @Test
    void manyUsersVerifiedAtOnceEachGetExactlyOneWallet() throws Exception {
        // More users than the requests a pass has in flight, each announced twice: the concurrent attempts of
        // one pass and of the next must still make one wallet a user, with its own key.
        DfnsAccount org = DfnsAccount.register("EC").configure();
        List<String> users = java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> "user-" + i + "-" + UUID.randomUUID())
                .toList();
        try (TopicReader events = TopicReader.of(Topics.WALLET)) {
            for (String user : users) {
                String id = kyc.statusChanged(org.orgId, user, "case-" + user, "verified");
                kyc.send(id, org.orgId, user, "case-" + user, "verified");
            }
            users.forEach(user -> awaitProvisioned(org, user));

            List<ConsumerRecord<String, byte[]>> records = events.readUntil(
                    r -> users.stream()
                            .allMatch(user -> !ofType(r, org.orgId + ":" + user, "attest.wallet.provisioned.v1")
                                    .isEmpty()),
                    Duration.ofSeconds(30));
            for (String user : users) {
                assertThat(ofType(records, org.orgId + ":" + user, "attest.wallet.provisioned.v1"))
                        .as("provisioned events of %s", user)
                        .hasSize(1);
            }
        }
        JsonNode listed = JSON.readTree(given().auth()
                .oauth2(org.admin())
                .get("/orgs/" + org.orgId + "/wallets?limit=100")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        List<String> owners = new java.util.ArrayList<>();
        java.util.Set<String> addresses = new java.util.HashSet<>();
        listed.get("items").forEach(item -> {
            owners.add(item.get("user_id").asText());
            addresses.add(item.get("address").asText());
        });
        assertThat(owners).containsExactlyInAnyOrderElementsOf(users);
        assertThat(addresses).hasSize(users.size());
    }

    @Test
    void aWalletCreatedAtDfnsBeforeACrashIsFoundAgainAndNotDuplicated() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String user = "user-" + UUID.randomUUID();
        // The service asked Dfns and died before it could commit: Dfns already has the wallet.
        DfnsCredentials credentials = new DfnsCredentials(
                DfnsAccount.baseUrl() + "/dfns",
                org.token,
                org.credentialId,
                CredentialKeys.parsePrivateKey(org.privateKeyPem),
                Optional.empty());
        DfnsWallet before = dfns.createWallet(
                credentials, "Ethereum", "attest " + user, "attest:" + org.orgId + ":" + user, List.of("attest"));

        kyc.statusChanged(org.orgId, user, "case-2", "verified");

        awaitProvisioned(org, user);
        given().auth()
                .oauth2(org.admin())
                .get("/orgs/" + org.orgId + "/wallets")
                .then()
                .body("items.size()", equalTo(1))
                .body("items[0].provider_wallet_id", equalTo(before.id()))
                .body("items[0].user_id", equalTo(user));
        assertThat(me(org, "x").get("status").asText()).isEqualTo("none");
        assertThat(me(org, user).get("address").asText()).isEqualTo(before.address());
    }

    @Test
    void provisioningThatKeepsFailingEndsFailedAndAlertsTheAdminsOnce() {
        String orgId = "org-unconfigured-" + UUID.randomUUID();
        String user = "user-" + UUID.randomUUID();
        try (TopicReader events = TopicReader.of(Topics.WALLET)) {
            kyc.statusChanged(orgId, user, "case-3", "verified");

            waitFor("the wallet's provisioning failed").untilAsserted(() -> assertThat(given().auth()
                            .oauth2(GatewayTokens.user(orgId, user, "user"))
                            .get("/wallets/me")
                            .then()
                            .extract()
                            .<String>path("status"))
                    .isEqualTo("failed"));
            List<JsonNode> failed = ofType(
                    events.readUntil(
                            r -> !ofType(r, orgId + ":" + user, "attest.wallet.provisioning-failed.v1")
                                    .isEmpty(),
                            Duration.ofSeconds(20)),
                    orgId + ":" + user,
                    "attest.wallet.provisioning-failed.v1");
            assertThat(failed).hasSize(1);
            assertThat(failed.get(0).get("final").asBoolean()).isTrue();
            assertThat(failed.get(0).get("attempts").asInt()).isEqualTo(3);
            assertThat(failed.get(0).get("reason").asText()).contains("no Dfns settings");
        }
    }

    @Test
    void anotherOrganizationSeesNoneOfIt() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        DfnsAccount other = DfnsAccount.register("EC").configure();
        String user = "user-" + UUID.randomUUID();
        kyc.statusChanged(org.orgId, user, "case-4", "verified");
        awaitProvisioned(org, user);

        given().auth()
                .oauth2(other.admin())
                .get("/orgs/" + org.orgId + "/wallets")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(other.admin())
                .get("/orgs/" + other.orgId + "/wallets")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
        // The same user id in the other org is another user: no wallet there.
        given().auth().oauth2(other.user(user)).get("/wallets/me").then().body("status", equalTo("none"));
    }

    @Test
    void onlyOrgAdminsListTheOrgsWallets() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        given().auth()
                .oauth2(org.user("someone"))
                .get("/orgs/" + org.orgId + "/wallets")
                .then()
                .statusCode(403);
        given().get("/orgs/" + org.orgId + "/wallets").then().statusCode(401);
    }

    static void awaitProvisioned(DfnsAccount org, String user) {
        waitFor("the wallet provisioned")
                .untilAsserted(
                        () -> assertThat(me(org, user).get("status").asText()).isEqualTo("provisioned"));
    }

    static JsonNode me(DfnsAccount org, String user) {
        try {
            return JSON.readTree(given().auth()
                    .oauth2(org.user(user))
                    .get("/wallets/me")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> ofType(List<ConsumerRecord<String, byte[]>> records, String key, String type) {
        return records.stream()
                .filter(r -> key.equals(r.key()))
                .filter(r -> type.equals(header(r, "ce_type")))
                .map(r -> {
                    try {
                        return JSON.readTree(r.value());
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
