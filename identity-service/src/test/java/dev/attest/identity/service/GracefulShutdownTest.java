package dev.attest.identity.service;

import static dev.attest.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.common.tracing.WorkSpans;
import dev.attest.common.work.Workers;
import dev.attest.contracts.EventTypes;
import dev.attest.identity.client.EvmNode;
import dev.attest.identity.events.IdentityEvents;
import dev.attest.identity.repository.CaseStandingRepository;
import dev.attest.identity.repository.ChainTransactionRepository;
import dev.attest.identity.repository.ClaimRepository;
import dev.attest.identity.repository.IdentityRepository;
import dev.attest.identity.support.IdentityEventsRead;
import dev.attest.identity.support.TestChain;
import dev.attest.identity.support.TestEvents;
import dev.attest.testing.AnvilResource;
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
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the worker does on SIGTERM (the shared runner, {@code Workers}, stops every durable work as
 * {@link IssuanceWorker#stopTakingWork()} does here): it takes no new work, and what it leaves in flight is continued by the next start, exactly once.
 */
@QuarkusTest
@TestProfile(GracefulShutdownTest.OwnApplication.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class GracefulShutdownTest {
    /** The worker is stopped for good here: an application of its own, shared with no other test. */
    public static class OwnApplication implements QuarkusTestProfile {}

    private static final int USERS = 3;

    @Inject
    IssuanceWorker worker;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IdentityRepository identities;

    @Inject
    WalletLinks wallets;

    @Inject
    ClaimRepository claims;

    @Inject
    ChainTransactionRepository transactions;

    @Inject
    TransactionSender sender;

    @Inject
    ReceiptWaiter receipts;

    @Inject
    PlatformContracts contracts;

    @Inject
    PlatformKeys keys;

    @Inject
    IdentityEvents events;

    @Inject
    ChainActionAudit audit;

    @Inject
    CaseStandingRepository standings;

    @Inject
    SubjectClaims subjectClaims;

    @Inject
    EvmNode node;

    @Inject
    GasLimits gasLimits;

    @Inject
    Workers workers;

    @Inject
    WorkSpans spans;

    @Inject
    NonceManager nonces;

    @Test
    void onShutdownTheWorkerTakesNoNewWorkAndTheNextStartFinishesWhatWasInFlight() {
        TestDatabase db = new TestDatabase(dataSource);
        String org = "org-" + UUID.randomUUID();
        try (TestEvents sent = new TestEvents()) {
            String warm = "warm-" + UUID.randomUUID();
            sent.walletProvisioned(org, warm, TestChain.newWallet(), "case-warm");
            IdentityEventsRead.await((org + ":" + warm)::equals, EventTypes.Identity.CLAIM_ISSUED, 1);

            TestChain.stopMining();
            try {
                for (int i = 0; i < USERS; i++) {
                    sent.walletProvisioned(org, "user-" + i, TestChain.newWallet(), "case-" + i);
                }
                waitFor("the deployments in flight")
                        .until(() -> db.count(
                                        "select count(*) from identities i join chain_transactions t"
                                                + " on t.id = i.pending_tx_id where i.org_id = ? and i.user_id <> ?",
                                        org,
                                        warm)
                                == USERS);

                assertThat(worker.stopTakingWork()).isTrue();
            } finally {
                TestChain.startMining();
            }
            List<String> inFlight = db.strings(
                    "select t.tx_hash from identities i join chain_transactions t on t.id = i.pending_tx_id"
                            + " where i.org_id = ? and t.status = 'PENDING'",
                    org);
            assertThat(inFlight).hasSize(USERS);
            inFlight.forEach(hash -> waitFor("mined: " + hash)
                    .until(() -> TestChain.receipt(hash).isPresent()));
            long recorded = db.count("select count(*) from chain_transactions");

            // Stopped: mined receipts are not collected and nothing new is sent.
            waitFor("nothing collected or sent while stopped")
                    .during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> db.count("select count(*) from chain_transactions") == recorded
                            && db.count("select count(*) from chain_transactions where status = 'PENDING'") == USERS);
            assertThat(db.count("select count(*) from chain_transactions")).isEqualTo(recorded);
            assertThat(db.count("select count(*) from chain_transactions where status = 'PENDING'"))
                    .isEqualTo(USERS);

            // The next start: a new issuance with an open gate and a nonce counter recovered from the facts.
            nonces.forget();
            IdentityIssuance restarted = new IdentityIssuance(
                    identities,
                    standings,
                    subjectClaims,
                    wallets,
                    claims,
                    transactions,
                    sender,
                    receipts,
                    contracts,
                    keys,
                    events,
                    audit,
                    node,
                    new WorkGate(),
                    gasLimits,
                    workers,
                    spans);
            // The restarted issuance is driven here, a round between two looks.
            waitFor("every claim issued after the restart").until(() -> {
                if (db.count("select count(*) from claims where org_id = ? and status = 'ISSUED'", org) == USERS + 1) {
                    return true;
                }
                restarted.collectReceipts();
                restarted.advance();
                return false;
            });
            for (int i = 0; i < USERS; i++) {
                String key = org + ":user-" + i;
                assertThat(IdentityEventsRead.readFor(key::equals, EventTypes.Identity.CREATED, Duration.ofSeconds(2)))
                        .hasSize(1);
            }
            // Each in-flight deployment counted once: one deployment transaction per identity.
            assertThat(db.count("select count(*) from chain_transactions where purpose like 'identity:onboard/%'"))
                    .isEqualTo(USERS + 1);
        }
    }
}
