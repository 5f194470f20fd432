package dev.attest.identity.service;

import static dev.attest.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.contracts.EventTypes;
import dev.attest.identity.client.ClaimSigning;
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
import java.math.BigInteger;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A rejection that arrives before the user's onboarding transaction is sent keeps the claim off the chain: the
 * identity is still created (the user keeps it), without the claim. Issuance is driven by the test, so that the
 * rejection surely comes first.
 */
@QuarkusTest
@TestProfile(RejectionBeforeOnboardingTest.DrivenIssuance.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class RejectionBeforeOnboardingTest {
    private static final BigInteger KYC = BigInteger.ONE;

    /** The background worker does not run: the test calls the issuance passes itself. */
    public static class DrivenIssuance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("attest.work.disabled", IssuanceWorker.NAME);
        }
    }

    @Inject
    IdentityIssuance issuance;

    @Inject
    PlatformContracts contracts;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void rejectionBeforeTheOnboardingIsSentKeepsTheClaimOffTheChain() {
        TestDatabase db = new TestDatabase(dataSource);
        String org = "org-" + UUID.randomUUID();
        String user = "user-" + UUID.randomUUID();
        String caseId = "case-" + UUID.randomUUID();
        String wallet = TestChain.newWallet();
        try (TestEvents events = new TestEvents()) {
            events.walletProvisioned(org, user, wallet, caseId);
            waitFor("the identity planned")
                    .until(() -> db.count("select count(*) from claims where user_id = ?", user) == 1);

            events.kycStatusChanged(org, user, caseId, "rejected");
            JsonNode failed = IdentityEventsRead.await(
                            (org + ":" + user)::equals, EventTypes.Identity.CLAIM_ISSUANCE_FAILED, 1)
                    .get(0);
            assertThat(failed.get("reason").asText()).isEqualTo("kyc-rejected");
        }

        waitFor("the identity on chain").until(() -> {
            issuance.collectReceipts();
            issuance.advance();
            return db.count("select count(*) from identities where user_id = ? and step = 'READY'", user) == 1;
        });

        JsonNode created = IdentityEventsRead.await((org + ":" + user)::equals, EventTypes.Identity.CREATED, 1)
                .get(0);
        PlatformContracts.Addresses platform = contracts.addresses().orElseThrow();
        String identity = TestChain.identityOf(platform.idFactory(), wallet);
        // The user keeps an identity on chain, the one the event announced.
        assertThat(created.get("identity_address").asText()).isEqualToIgnoringCase(identity);
        assertThat(TestChain.claimValid(
                        identity, platform.claimIssuer(), KYC, ClaimSigning.claimId(platform.claimIssuer(), KYC)))
                .isFalse();
        assertThat(db.strings("select status from claims where user_id = ?", user))
                .containsExactly("FAILED");
        assertThat(db.count("select count(*) from claims where user_id = ? and tx_hash is not null", user))
                .isZero();
    }
}
