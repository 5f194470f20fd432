package dev.attest.identity;

import static dev.attest.identity.support.IdentityEventsRead.await;
import static dev.attest.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.identity.client.ClaimSigning;
import dev.attest.identity.client.ContractCalls;
import dev.attest.identity.service.PlatformContracts;
import dev.attest.identity.service.PlatformKeys;
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
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class IdentityIssuanceTest {
    private static final BigInteger KYC = BigInteger.ONE;

    @Inject
    PlatformContracts contracts;

    @Inject
    PlatformKeys keys;

    @Inject
    AgroalDataSource dataSource;

    private TestEvents events;
    private TestDatabase db;
    private final String org = "org-" + UUID.randomUUID();

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
    void verifiedUserGetsOneIdentityManagedByTheirWalletHoldingAValidKycClaim() {
        String user = "user-" + UUID.randomUUID();
        String wallet = TestChain.newWallet();
        String caseId = "case-" + UUID.randomUUID();

        events.walletProvisioned(org, user, wallet, caseId);

        JsonNode issued = await(key(user), EventTypes.Identity.CLAIM_ISSUED, 1).get(0);
        JsonNode created = await(key(user), EventTypes.Identity.CREATED, 1).get(0);
        PlatformContracts.Addresses platform = contracts.addresses().orElseThrow();
        String identity = TestChain.identityOf(platform.idFactory(), wallet);

        assertThat(created.get("identity_address").asText()).isEqualToIgnoringCase(identity);
        assertThat(created.get("wallet_address").asText()).isEqualToIgnoringCase(wallet);
        assertThat(created.get("tx_hash").asText()).startsWith("0x").hasSize(66);
        assertThat(issued.get("user_id").asText()).isEqualTo(user);
        assertThat(issued.get("kyc_case_id").asText()).isEqualTo(caseId);
        assertThat(issued.get("identity_address").asText()).isEqualToIgnoringCase(identity);
        assertThat(issued.get("issuer_address").asText()).isEqualToIgnoringCase(platform.claimIssuer());
        assertThat(issued.get("topic").asInt()).isEqualTo(1);
        byte[] claimId = ClaimSigning.claimId(platform.claimIssuer(), KYC);
        assertThat(issued.get("claim_id").asText()).isEqualTo(Numeric.toHexString(claimId));
        assertThat(issued.get("block_number").asLong()).isPositive();

        assertThat(TestChain.claimValid(identity, platform.claimIssuer(), KYC, claimId))
                .isTrue();
        // The user's wallet manages the identity; the operator may only add claims.
        assertThat(TestChain.isTrue(
                        identity, ContractCalls.keyHasPurpose(ClaimSigning.keyOf(wallet), ContractCalls.MANAGEMENT)))
                .isTrue();
        byte[] operator = ClaimSigning.keyOf(keys.operatorAddress());
        assertThat(TestChain.isTrue(identity, ContractCalls.keyHasPurpose(operator, ContractCalls.MANAGEMENT)))
                .isFalse();
        assertThat(TestChain.isTrue(identity, ContractCalls.keyHasPurpose(operator, ContractCalls.CLAIM)))
                .isTrue();
        // One transaction did it all, through the onboarder, which kept no key on the identity.
        assertThat(issued.get("tx_hash").asText())
                .isEqualTo(created.get("tx_hash").asText());
        byte[] onboarder = ClaimSigning.keyOf(platform.onboarder());
        assertThat(TestChain.isTrue(identity, ContractCalls.keyHasPurpose(onboarder, ContractCalls.MANAGEMENT)))
                .isFalse();
        assertThat(TestChain.isTrue(identity, ContractCalls.keyHasPurpose(onboarder, ContractCalls.CLAIM)))
                .isFalse();
    }

    @Test
    void theIdentityAndItsClaimAreIssuedInTheTraceOfTheWalletEvent() {
        String user = "user-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String walletSpan = UUID.randomUUID().toString().replace("-", "").substring(0, 16);

        events.walletProvisionedInTrace(
                org,
                user,
                TestChain.newWallet(),
                "case-" + UUID.randomUUID(),
                "00-" + traceId + "-" + walletSpan + "-01");

        // Sent and settled later by the issuance worker, on its own thread: still the wallet event's trace.
        for (String type : List.of(EventTypes.Identity.CREATED, EventTypes.Identity.CLAIM_ISSUED)) {
            List<String> traceparents = IdentityEventsRead.awaitTraceparents(key(user), type, 1);
            assertThat(traceparents).as(type).hasSize(1);
            String[] fields = traceparents.get(0).split("-");
            assertThat(fields[1]).as(type + "'s trace id").isEqualTo(traceId);
            assertThat(fields[2])
                    .as(type + " is created by this service's span")
                    .isNotEqualTo(walletSpan);
        }
    }

    @Test
    void theIssuerIsTrustedForTheKycTopicInTheTrexRegistries() {
        PlatformContracts.Addresses platform = awaitContracts();
        assertThat(TestChain.isTrue(
                        platform.trustedIssuersRegistry(), ContractCalls.hasClaimTopic(platform.claimIssuer(), KYC)))
                .isTrue();
        @SuppressWarnings("unchecked")
        List<org.web3j.abi.datatypes.Type<?>> topics = (List<org.web3j.abi.datatypes.Type<?>>)
                TestChain.view(platform.claimTopicsRegistry(), ContractCalls.getClaimTopics())
                        .get(0)
                        .getValue();
        assertThat(topics.stream().map(t -> (Object) t.getValue()).toList()).contains(KYC);
        assertThat(TestChain.isTrue(
                        platform.claimIssuer(),
                        ContractCalls.keyHasPurpose(
                                ClaimSigning.keyOf(keys.issuerSignerAddress()), ContractCalls.CLAIM)))
                .isTrue();
    }

    @Test
    void redeliveredAndRepeatedWalletEventsDeployNoSecondIdentity() {
        String user = "user-" + UUID.randomUUID();
        String wallet = TestChain.newWallet();
        String caseId = "case-" + UUID.randomUUID();
        String eventId = events.walletProvisioned(org, user, wallet, caseId);
        // The same event again (a redelivery), and a second event about the same user (a replay upstream).
        events.walletProvisionedAgain(eventId, org, user, wallet, caseId);
        events.walletProvisioned(org, user, wallet, caseId);

        await(key(user), EventTypes.Identity.CLAIM_ISSUED, 1);
        List<JsonNode> created =
                IdentityEventsRead.readFor(key(user), EventTypes.Identity.CREATED, Duration.ofSeconds(3));
        assertThat(created).hasSize(1);
        assertThat(db.count("select count(*) from identities where org_id = ? and user_id = ?", org, user))
                .isEqualTo(1);
        assertThat(db.count(
                        "select count(*) from chain_transactions t join identities i on i.deploy_tx_hash = t.tx_hash"
                                + " where i.user_id = ?",
                        user))
                .isEqualTo(1);
    }

    @Test
    void rejectionAfterIssuanceRevokesTheClaimOnChain() {
        String user = "user-" + UUID.randomUUID();
        String wallet = TestChain.newWallet();
        String caseId = "case-" + UUID.randomUUID();
        events.walletProvisioned(org, user, wallet, caseId);
        JsonNode issued = await(key(user), EventTypes.Identity.CLAIM_ISSUED, 1).get(0);
        PlatformContracts.Addresses platform = contracts.addresses().orElseThrow();
        String identity = issued.get("identity_address").asText();
        byte[] claimId = Numeric.hexStringToByteArray(issued.get("claim_id").asText());
        assertThat(TestChain.claimValid(identity, platform.claimIssuer(), KYC, claimId))
                .isTrue();

        events.kycStatusChanged(org, user, caseId, "rejected");

        JsonNode revoked =
                await(key(user), EventTypes.Identity.CLAIM_REVOKED, 1).get(0);
        assertThat(revoked.get("claim_id").asText())
                .isEqualTo(issued.get("claim_id").asText());
        assertThat(revoked.get("kyc_case_id").asText()).isEqualTo(caseId);
        assertThat(revoked.get("tx_hash").asText())
                .isNotEqualTo(issued.get("tx_hash").asText());
        assertThat(TestChain.claimValid(identity, platform.claimIssuer(), KYC, claimId))
                .isFalse();
    }

    @Test
    void otherStatusChangesRevokeNothing() {
        String user = "user-" + UUID.randomUUID();
        String caseId = "case-" + UUID.randomUUID();
        events.walletProvisioned(org, user, TestChain.newWallet(), caseId);
        await(key(user), EventTypes.Identity.CLAIM_ISSUED, 1);

        events.kycStatusChanged(org, user, caseId, "review");
        events.kycStatusChanged(org, user, "another-case", "rejected");

        assertThat(IdentityEventsRead.readFor(key(user), EventTypes.Identity.CLAIM_REVOKED, Duration.ofSeconds(3)))
                .isEmpty();
        assertThat(db.count("select count(*) from claims where user_id = ? and status = 'ISSUED'", user))
                .isEqualTo(1);
    }

    @Test
    void aRevertIsReportedAsClaimIssuanceFailedWithItsReason() {
        // A second user claiming an already linked wallet: the IdFactory refuses it.
        String first = "user-" + UUID.randomUUID();
        String second = "user-" + UUID.randomUUID();
        String wallet = TestChain.newWallet();
        events.walletProvisioned(org, first, wallet, "case-" + UUID.randomUUID());
        await(key(first), EventTypes.Identity.CREATED, 1);
        String caseId = "case-" + UUID.randomUUID();

        events.walletProvisioned(org, second, wallet, caseId);

        JsonNode failed =
                await(key(second), EventTypes.Identity.CLAIM_ISSUANCE_FAILED, 1).get(0);
        assertThat(failed.get("kyc_case_id").asText()).isEqualTo(caseId);
        assertThat(failed.get("reason").asText()).isEqualTo("wallet already linked to an identity");
        assertThat(failed.get("final").asBoolean()).isTrue();
        assertThat(IdentityEventsRead.readFor(key(second), EventTypes.Identity.CREATED, Duration.ofSeconds(2)))
                .isEmpty();
    }

    @Test
    void eventWithoutAnAddressGoesToTheDeadLetterTopicAndChangesNothing() {
        String user = "user-" + UUID.randomUUID();
        try (TopicReader deadLetters = TopicReader.of(Topics.deadLetter(Topics.WALLET))) {
            events.malformedWalletProvisioned(org, user, "not-an-address", "case-1");
            var dead = deadLetters.readUntil(
                    r -> r.stream().anyMatch(d -> (org + ":" + user).equals(d.key())), Waits.TIMEOUT);
            assertThat(dead).anyMatch(d -> (org + ":" + user).equals(d.key()));
        }
        assertThat(db.count("select count(*) from identities where user_id = ?", user))
                .isZero();
    }

    @Test
    void aBatchOfFiftyUsersIsIssuedWithPipelinedNonces() {
        int users = 50;
        String batchOrg = "batch-" + UUID.randomUUID();
        Map<String, String> wallets = new java.util.HashMap<>();
        awaitContracts();
        BigInteger blockBefore = TestChain.blockNumber();
        TestChain.stopMining();
        try {
            for (int i = 0; i < users; i++) {
                String user = "user-" + i;
                wallets.put(user, TestChain.newWallet());
                events.walletProvisioned(batchOrg, user, wallets.get(user), "case-" + i);
            }
            // Nothing is mined while the miner is paused: every deployment is sent without waiting for the
            // receipt of the one before it.
            String inFlight = "select t.nonce from chain_transactions t join identities i on i.pending_tx_id = t.id"
                    + " where i.org_id = ? and t.status = 'PENDING' and t.broadcast_at is not null"
                    + " and t.purpose like 'identity:onboard/%' order by t.nonce";
            waitFor("all " + users + " deployments in flight")
                    .until(() -> db.longs(inFlight, batchOrg).size() == users);
            assertThat(TestChain.blockNumber()).isEqualTo(blockBefore);
            List<Long> nonces = db.longs(inFlight, batchOrg);
            assertThat(nonces).doesNotHaveDuplicates();
            assertThat(nonces.get(users - 1) - nonces.get(0)).isEqualTo(users - 1);
        } finally {
            TestChain.startMining();
        }

        List<JsonNode> issued = await(
                k -> k.startsWith(batchOrg + ":"), EventTypes.Identity.CLAIM_ISSUED, users, Duration.ofMinutes(8));

        assertThat(issued).hasSize(users);
        PlatformContracts.Addresses platform = contracts.addresses().orElseThrow();
        Set<String> identities = new HashSet<>();
        for (JsonNode claim : issued) {
            String identity = TestChain.identityOf(
                    platform.idFactory(), wallets.get(claim.get("user_id").asText()));
            assertThat(claim.get("identity_address").asText()).isEqualToIgnoringCase(identity);
            byte[] claimId = Numeric.hexStringToByteArray(claim.get("claim_id").asText());
            assertThat(TestChain.claimValid(identity, platform.claimIssuer(), KYC, claimId))
                    .isTrue();
            identities.add(identity.toLowerCase());
        }
        assertThat(identities).hasSize(users);
        assertThat(db.count("select count(*) from identities where org_id = ? and step = 'READY'", batchOrg))
                .isEqualTo(users);
        assertThat(db.count("select count(*) from claims where org_id = ? and status = 'ISSUED'", batchOrg))
                .isEqualTo(users);

        // One nonce sequence for everything the operator signed, without gaps or repeats, all of it mined.
        List<Long> nonces = db.longs(
                "select nonce from chain_transactions where sender = ? order by nonce", keys.operatorAddress());
        assertThat(nonces).doesNotHaveDuplicates();
        assertThat(nonces.get(nonces.size() - 1) - nonces.get(0)).isEqualTo(nonces.size() - 1);
        assertThat(TestChain.pendingNonce(keys.operatorAddress()).longValue())
                .isEqualTo(nonces.get(nonces.size() - 1) + 1);
    }

    @Test
    void rejectionWhileTheClaimIsBeingIssuedEndsRevokedOnChain() {
        String user = "user-" + UUID.randomUUID();
        String caseId = "case-" + UUID.randomUUID();
        awaitContracts();
        TestChain.stopMining();
        try {
            events.walletProvisioned(org, user, TestChain.newWallet(), caseId);
            // Mine block by block until the onboarding transaction that adds the claim is sent, then leave it
            // unmined. A block is mined only while the claim row is locked here with no transaction recorded for
            // it: the service records the transaction under that lock before it broadcasts, so no block takes it in.
            String addClaimInFlight =
                    "select count(*) from claims c join chain_transactions t on t.id = c.pending_tx_id"
                            + " where c.user_id = ? and t.purpose like 'identity:onboard/%' and t.broadcast_at is not null";
            waitFor("the addClaim transaction in flight").until(() -> {
                if (db.count(addClaimInFlight, user) == 1) {
                    return true;
                }
                db.whileLocked(
                        "select coalesce(pending_tx_id::text, '') from claims where user_id = ? for update",
                        List.of(user),
                        pending -> {
                            if (pending.size() == 1 && "".equals(pending.get(0))) {
                                TestChain.mineBlock();
                            }
                        });
                return false;
            });

            events.kycStatusChanged(org, user, caseId, "rejected");

            waitFor("the rejection recorded")
                    .until(() ->
                            db.count("select count(*) from claims where user_id = ? and revoke_requested", user) == 1);
            assertThat(db.strings("select status from claims where user_id = ?", user))
                    .containsExactly("ISSUING");
        } finally {
            TestChain.startMining();
        }

        JsonNode revoked =
                await(key(user), EventTypes.Identity.CLAIM_REVOKED, 1).get(0);
        PlatformContracts.Addresses platform = contracts.addresses().orElseThrow();
        byte[] claimId = Numeric.hexStringToByteArray(revoked.get("claim_id").asText());
        assertThat(TestChain.claimValid(revoked.get("identity_address").asText(), platform.claimIssuer(), KYC, claimId))
                .isFalse();
        assertThat(db.strings("select status from claims where user_id = ?", user))
                .containsExactly("REVOKED");
    }

    private PlatformContracts.Addresses awaitContracts() {
        return waitFor("the platform's contracts")
                .until(contracts::addresses, java.util.Optional::isPresent)
                .orElseThrow();
    }

    private java.util.function.Predicate<String> key(String user) {
        return (org + ":" + user)::equals;
    }
}
