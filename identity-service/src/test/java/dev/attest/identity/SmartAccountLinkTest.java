package dev.attest.identity;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;

import dev.attest.common.events.Topics;
import dev.attest.common.security.Roles;
import dev.attest.contracts.EventTypes;
import dev.attest.identity.support.IdentityEventsRead;
import dev.attest.identity.support.TestChain;
import dev.attest.identity.support.TestEvents;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import dev.attest.testing.TopicReader;
import dev.attest.testing.Waits;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A user's ERC-4337 smart account (attest.wallet.smart-account-ready.v1) is linked to their identity in our records,
 * as a further wallet is: listed, verified through {@code wallet_link: attest-records}, once, also when it comes
 * before the identity exists, never when it belongs to another identity.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class SmartAccountLinkTest {
    private static final String USER = "user";
    private static final String BUSINESS = "business";

    @Inject
    AgroalDataSource dataSource;

    private final String org = "org-" + UUID.randomUUID();
    private TestEvents events;
    private TestDatabase db;

    @BeforeEach
    void connect() {
        events = new TestEvents();
        db = new TestDatabase(dataSource);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void aUsersSmartAccountIsLinkedListedAndVerifiesThroughOurRecords() {
        String user = "user-" + UUID.randomUUID();
        String owner = TestChain.newWallet();
        String account = TestChain.newWallet();
        String identity = identityReady(user, owner);

        events.smartAccountReady(org, user, USER, account, owner);

        waitFor("the smart account listed").until(() -> walletsOf(user).size() == 2);
        assertWallets(user, owner, account);
        assertThat(db.strings("select kind from identity_wallets where address = ?", lower(account)))
                .containsExactly("smart-account");
        assertVerifies(account, "1", identity, "attest-records");
        assertVerifies(owner, "1", identity, "factory");
        given().auth()
                .oauth2(GatewayTokens.user(org, user, Roles.USER))
                .when()
                .get("/identities/me")
                .then()
                .statusCode(200)
                .body("wallets[1]", equalToIgnoringCase(account));
    }

    @Test
    void aRedeliveredOrRepeatedSmartAccountIsLinkedOnce() {
        String user = "user-" + UUID.randomUUID();
        String owner = TestChain.newWallet();
        String account = TestChain.newWallet();
        identityReady(user, owner);

        String eventId = events.smartAccountReady(org, user, USER, account, owner);
        events.smartAccountReadyAgain(eventId, org, user, USER, account, owner); // redelivered
        events.smartAccountReady(org, user, USER, account, owner); // the same news again, another event
        // Same key, same partition: once this later wallet is listed, every event before it was processed.
        String later = TestChain.newWallet();
        events.walletProvisioned(org, user, later, "case-" + UUID.randomUUID());

        waitFor("the later wallet listed").until(() -> walletsOf(user).size() >= 3);
        assertWallets(user, owner, account, later);
        assertThat(db.count("select count(*) from identity_wallets where address = ?", lower(account)))
                .isEqualTo(1);
    }

    @Test
    void aSmartAccountThatComesBeforeTheIdentityIsHeldAndLinkedWhenTheIdentityIsCreated() {
        String user = "user-" + UUID.randomUUID();
        String owner = TestChain.newWallet();
        String account = TestChain.newWallet();

        String eventId = events.smartAccountReady(org, user, USER, account, owner);
        events.smartAccountReadyAgain(eventId, org, user, USER, account, owner); // redelivered while held
        events.smartAccountReady(org, user, USER, account, owner); // repeated while held

        waitFor("the smart account held").until(() -> held(user) == 1);
        assertThat(db.count("select count(*) from identities where org_id = ? and user_id = ?", org, user))
                .isZero();
        given().auth()
                .oauth2(GatewayTokens.user(org, user, Roles.USER))
                .when()
                .get("/identities/me")
                .then()
                .statusCode(404);

        String identity = identityReady(user, owner);

        assertWallets(user, owner, account);
        assertThat(held(user)).isZero();
        assertThat(db.count("select count(*) from identity_wallets where address = ?", lower(account)))
                .isEqualTo(1);
        assertVerifies(account, "1", identity, "attest-records");

        // Redelivered once more after it was linked: still once.
        events.smartAccountReadyAgain(eventId, org, user, USER, account, owner);
        events.smartAccountReady(org, user, USER, account, owner);
        String later = TestChain.newWallet();
        events.walletProvisioned(org, user, later, "case-" + UUID.randomUUID());
        waitFor("the later wallet listed").until(() -> walletsOf(user).size() >= 3);
        assertWallets(user, owner, account, later);
        assertThat(held(user)).isZero();
    }

    @Test
    void aSmartAccountThatBelongsToAnotherIdentityIsNotLinked() {
        String first = "user-" + UUID.randomUUID();
        String firstWallet = TestChain.newWallet();
        String firstAccount = TestChain.newWallet();
        String firstIdentity = identityReady(first, firstWallet);
        events.smartAccountReady(org, first, USER, firstAccount, firstWallet);
        waitFor("the first user's smart account listed")
                .until(() -> walletsOf(first).size() == 2);

        String second = "user-" + UUID.randomUUID();
        String secondWallet = TestChain.newWallet();
        identityReady(second, secondWallet);
        events.smartAccountReady(org, second, USER, firstAccount, secondWallet); // the first user's smart account
        events.smartAccountReady(org, second, USER, firstWallet, secondWallet); // the first user's own wallet
        String later = TestChain.newWallet();
        events.walletProvisioned(org, second, later, "case-" + UUID.randomUUID());

        waitFor("the second user's later wallet listed")
                .until(() -> walletsOf(second).size() >= 2);
        assertWallets(second, secondWallet, later);
        assertWallets(first, firstWallet, firstAccount);
        assertVerifies(firstAccount, "1", firstIdentity, "attest-records");
        assertVerifies(firstWallet, "1", firstIdentity, "factory");
    }

    @Test
    void aSmartAccountEventThatBreaksItsSchemaGoesToTheDeadLetterTopicAndLinksNothing() {
        String user = "user-" + UUID.randomUUID();
        String owner = TestChain.newWallet();
        identityReady(user, owner);
        String noOwner = TestChain.newWallet();
        try (TopicReader deadLetters = TopicReader.of(Topics.deadLetter(Topics.WALLET))) {
            events.malformedSmartAccountReady(org, user, "not-an-address", owner);
            events.malformedSmartAccountReady(org, user, noOwner, null); // owner_address missing
            var dead = deadLetters.readUntil(
                    r -> r.stream()
                                    .filter(d -> (org + ":" + user).equals(d.key()))
                                    .count()
                            >= 2,
                    Waits.TIMEOUT);
            assertThat(dead.stream().filter(d -> (org + ":" + user).equals(d.key())))
                    .hasSize(2);
        }
        assertWallets(user, owner);
        assertThat(db.count("select count(*) from identity_wallets where address = ?", lower(noOwner)))
                .isZero();
        assertThat(held(user)).isZero();
    }

    @Test
    void aBusinessesSmartAccountIsLinkedToItsIdentityAsAUsersIs() {
        String businessCase = UUID.randomUUID().toString();
        String subject = "business:" + businessCase;
        String wallet = TestChain.newWallet();
        String account = TestChain.newWallet();
        events.businessWalletProvisioned(UUID.randomUUID().toString(), org, businessCase, wallet);
        String identity = IdentityEventsRead.await((org + ":" + subject)::equals, EventTypes.Identity.CLAIM_ISSUED, 1)
                .get(0)
                .get("identity_address")
                .asText();

        events.smartAccountReady(org, subject, BUSINESS, account, wallet);

        waitFor("the business's smart account listed")
                .until(() -> walletsOf(subject).size() == 2);
        assertWallets(subject, wallet, account);
        assertVerifies(account, "1001", identity, "attest-records");
    }

    /** Sends the user's first wallet and waits for the identity's claim; answers the identity's address. */
    private String identityReady(String user, String wallet) {
        events.walletProvisioned(org, user, wallet, "case-" + UUID.randomUUID());
        return IdentityEventsRead.await((org + ":" + user)::equals, EventTypes.Identity.CLAIM_ISSUED, 1)
                .get(0)
                .get("identity_address")
                .asText();
    }

    private List<Object> walletsOf(String user) {
        var response = given().auth()
                .oauth2(GatewayTokens.user(org, "admin-1", Roles.ORG_ADMIN))
                .when()
                .get("/identities/{user}", user);
        return response.statusCode() == 200 ? response.jsonPath().getList("wallets") : List.of();
    }

    private void assertWallets(String user, String... expected) {
        assertThat(walletsOf(user).stream().map(w -> lower((String) w)).toList())
                .containsExactly(java.util.Arrays.stream(expected)
                        .map(SmartAccountLinkTest::lower)
                        .toArray(String[]::new));
    }

    private void assertVerifies(String wallet, String topic, String identity, String link) {
        given().auth()
                .oauth2(GatewayTokens.apiKey(org, "project-1", "key-1"))
                .queryParam("wallet", wallet)
                .queryParam("topic", topic)
                .when()
                .get("/identities/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("identity_address", equalToIgnoringCase(identity))
                .body("wallet_link", equalTo(link));
    }

    private long held(String user) {
        return db.count("select count(*) from held_wallet_links where org_id = ? and user_id = ?", org, user);
    }

    private static String lower(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
