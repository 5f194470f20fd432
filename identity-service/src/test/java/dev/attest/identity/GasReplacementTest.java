package dev.attest.identity;

import static dev.attest.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.contracts.EventTypes;
import dev.attest.identity.service.PlatformContracts;
import dev.attest.identity.support.IdentityEventsRead;
import dev.attest.identity.support.RpcRelayResource;
import dev.attest.identity.support.TestChain;
import dev.attest.identity.support.TestEvents;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A transaction not mined in time is replaced with the same nonce and a higher gas price, and issuance goes
 * on with whichever version the chain mined, once. anvil's automatic mining is paused ({@code evm_setAutomine}) to
 * keep transactions unmined in its pool.
 */
@QuarkusTest
@TestProfile(GasReplacementTest.QuickReplacement.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(RpcRelayResource.class)
@WithTestResource(GatewayTokens.class)
class GasReplacementTest {
    /** Replace after 2 s instead of minutes, so that paused mining makes transactions stuck quickly. */
    public static class QuickReplacement implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("attest.identity.replace-after", "2s", "attest.identity.fee-bump-percent", "10");
        }
    }

    private static final String DEPLOYMENT = "select t.%s from chain_transactions t join identities i"
            + " on i.pending_tx_id = t.id or i.deploy_tx_hash = t.tx_hash where i.user_id = ?";

    @Inject
    PlatformContracts contracts;

    @Inject
    AgroalDataSource dataSource;

    private TestDatabase db;
    private TestEvents events;
    private final String org = "org-" + UUID.randomUUID();

    @BeforeEach
    void warmUp() {
        db = new TestDatabase(dataSource);
        events = new TestEvents();
        // The platform's contracts exist before mining is paused.
        String warm = "warm-" + UUID.randomUUID();
        events.walletProvisioned(org, warm, TestChain.newWallet(), "case-warm");
        IdentityEventsRead.await((org + ":" + warm)::equals, EventTypes.Identity.CLAIM_ISSUED, 1);
    }

    @AfterEach
    void close() {
        TestChain.startMining();
        RpcRelayResource.acceptTransactions();
        events.close();
    }

    @Test
    void aDeploymentNotMinedInTimeIsReplacedWithHigherFeesAndTheReplacementCounts() {
        String user = "user-" + UUID.randomUUID();
        String wallet = TestChain.newWallet();
        TestChain.stopMining();
        events.walletProvisioned(org, user, wallet, "case-" + UUID.randomUUID());

        waitFor("the deployment replaced twice, the newest version broadcast")
                .until(() -> supersededVersions(user).size() >= 2 && inFlightAndBroadcast(user));
        TestChain.startMining();

        String identity = awaitIssued(user);
        String mined = db.strings(DEPLOYMENT.formatted("tx_hash"), user).get(0);
        List<String> superseded = supersededVersions(user);
        assertThat(superseded).doesNotContain(mined);
        superseded.forEach(hash -> assertThat(TestChain.receipt(hash)).isEmpty());
        BigInteger firstPrice = new BigInteger(
                db.strings("select s.gas_price from superseded_transactions s where s.tx_hash = ?", superseded.get(0))
                        .get(0));
        // Each replacement offered at least 10 % more than the version before it.
        assertThat(TestChain.gasPriceOf(mined))
                .isGreaterThanOrEqualTo(
                        firstPrice.multiply(BigInteger.valueOf(121)).divide(BigInteger.valueOf(100)));
        assertIssuedOnce(user, wallet, identity, mined);
    }

    @Test
    void whenTheReplacedVersionIsMinedIssuanceGoesOnWithIt() {
        String user = "user-" + UUID.randomUUID();
        String wallet = TestChain.newWallet();
        TestChain.stopMining();
        events.walletProvisioned(org, user, wallet, "case-" + UUID.randomUUID());
        waitFor("the deployment broadcast").until(() -> inFlightAndBroadcast(user));
        String original = db.strings(DEPLOYMENT.formatted("tx_hash"), user).get(0);
        // The replacement never reaches the node's pool: the original is what gets mined.
        RpcRelayResource.refuseTransactions();
        waitFor("the deployment replaced").until(() -> supersededVersions(user).contains(original));
        assertThat(TestChain.inPool(original)).isTrue();
        TestChain.startMining();
        waitFor("the original mined").until(() -> TestChain.receipt(original).isPresent());
        RpcRelayResource.acceptTransactions();

        String identity = awaitIssued(user);
        String mined = db.strings(DEPLOYMENT.formatted("tx_hash"), user).get(0);
        assertThat(mined).isEqualTo(original);
        assertThat(supersededVersions(user)).isNotEmpty().doesNotContain(original);
        assertIssuedOnce(user, wallet, identity, original);
    }

    private boolean inFlightAndBroadcast(String user) {
        return db.count(
                        "select count(*) from chain_transactions t join identities i on i.pending_tx_id = t.id"
                                + " where i.user_id = ? and t.broadcast_at is not null",
                        user)
                == 1;
    }

    private String awaitIssued(String user) {
        return IdentityEventsRead.await((org + ":" + user)::equals, EventTypes.Identity.CLAIM_ISSUED, 1)
                .get(0)
                .get("identity_address")
                .asText();
    }

    /** One identity deployed by {@code deployment}, announced once, holding a valid claim. */
    private void assertIssuedOnce(String user, String wallet, String identity, String deployment) {
        PlatformContracts.Addresses platform = contracts.addresses().orElseThrow();
        assertThat(TestChain.identityOf(platform.idFactory(), wallet)).isEqualToIgnoringCase(identity);
        assertThat(TestChain.claimValid(
                        identity,
                        platform.claimIssuer(),
                        BigInteger.ONE,
                        dev.attest.identity.client.ClaimSigning.claimId(platform.claimIssuer(), BigInteger.ONE)))
                .isTrue();
        assertThat(db.strings("select deploy_tx_hash from identities where user_id = ?", user))
                .containsExactly(deployment);
        assertThat(IdentityEventsRead.readFor(
                        (org + ":" + user)::equals, EventTypes.Identity.CREATED, Duration.ofSeconds(2)))
                .hasSize(1)
                .allSatisfy(
                        created -> assertThat(created.get("tx_hash").asText()).isEqualTo(deployment));
        // One transaction per nonce, and the node agrees on the count: nothing sent twice, no gap.
        List<Long> nonces = db.longs("select nonce from chain_transactions order by nonce");
        assertThat(nonces).doesNotHaveDuplicates();
        String operator =
                db.strings("select sender from chain_transactions limit 1").get(0);
        assertThat(TestChain.pendingNonce(operator).longValue()).isEqualTo(nonces.get(nonces.size() - 1) + 1);
    }

    /** Hashes of the superseded versions of the user's deployment, oldest first. */
    private List<String> supersededVersions(String user) {
        return db.strings(
                "select s.tx_hash from superseded_transactions s join chain_transactions t on t.id = s.transaction_id"
                        + " join identities i on i.pending_tx_id = t.id or i.deploy_tx_hash = t.tx_hash"
                        + " where i.user_id = ? order by s.signed_at",
                user);
    }
}
