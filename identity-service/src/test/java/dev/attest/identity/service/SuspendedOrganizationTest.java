package dev.attest.identity.service;

import static dev.attest.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 in identity-service: no gas is spent for an organization the gateway suspended (its identities and claims
 * wait, and go out once it is reactivated), a revocation is never held back, and a revocation is in the audit trail;
 * each transaction's cost to the operator is announced (gas-spent).
 * Issuance is driven by the test (the worker does not run), so "nothing was sent" is a fact, not a timing.
 */
@QuarkusTest
@TestProfile(RejectionBeforeOnboardingTest.DrivenIssuance.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class SuspendedOrganizationTest {
    @Inject
    IdentityIssuance issuance;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSuspendedOrganizationsIdentityWaitsAndGoesOutOnceItIsReactivated() {
        TestDatabase db = new TestDatabase(dataSource);
        String org = "org-" + UUID.randomUUID();
        String user = "user-" + UUID.randomUUID();
        try (TestEvents events = new TestEvents()) {
            events.organizationSuspended(org, true, 10);
            awaitSuspended(db, org, true);
            events.walletProvisioned(org, user, TestChain.newWallet(), "case-" + UUID.randomUUID());
            waitFor("the identity planned")
                    .until(() -> db.count("select count(*) from claims where user_id = ?", user) == 1);

            for (int pass = 0; pass < 3; pass++) {
                issuance.collectReceipts();
                issuance.advance();
            }
            assertThat(db.strings("select step from identities where user_id = ?", user))
                    .containsExactly("DEPLOY");
            assertThat(db.count(
                            "select count(*) from identities where user_id = ? and pending_tx_id is not null", user))
                    .as("no transaction sent for a suspended organization")
                    .isZero();

            events.organizationSuspended(org, false, 5);
            awaitSuspended(db, org, false);
        }
        waitFor("the identity and its claim on chain once reactivated").until(() -> {
            issuance.collectReceipts();
            issuance.advance();
            return db.count("select count(*) from claims where user_id = ? and status = 'ISSUED'", user) == 1;
        });
        assertThat(db.strings("select step from identities where user_id = ?", user))
                .containsExactly("READY");
    }

    @Test
    void aRevocationGoesOutWhileTheOrganizationIsSuspendedAndIsAudited() {
        TestDatabase db = new TestDatabase(dataSource);
        String org = "org-" + UUID.randomUUID();
        String user = "user-" + UUID.randomUUID();
        String caseId = "case-" + UUID.randomUUID();
        try (TestEvents events = new TestEvents()) {
            events.walletProvisioned(org, user, TestChain.newWallet(), caseId);
            waitFor("the claim issued").until(() -> {
                issuance.collectReceipts();
                issuance.advance();
                return db.count("select count(*) from claims where user_id = ? and status = 'ISSUED'", user) == 1;
            });

            events.organizationSuspended(org, true, 10);
            awaitSuspended(db, org, true);
            events.kycStatusChanged(org, user, caseId, "rejected");
            waitFor("the revocation requested")
                    .until(() -> db.count("select count(*) from claims where user_id = ? and status = 'REVOKING'", user)
                            == 1);
        }
        waitFor("the claim revoked on chain").until(() -> {
            issuance.collectReceipts();
            issuance.advance();
            return db.count("select count(*) from claims where user_id = ? and status = 'REVOKED'", user) == 1;
        });

        String claimId = db.strings("select id::text from claims where user_id = ?", user)
                .get(0);
        assertThat(db.strings(
                        "select action || ' ' || target_type || ' ' || actor_kind from attest_audit_entry"
                                + " where org_id = ? and target_id = ?",
                        org,
                        claimId))
                .containsExactly("claim.revoked claim service");
        assertThat(db.strings(
                                "select changes::text from attest_audit_entry where org_id = ? and target_id = ?",
                                org,
                                claimId)
                        .get(0))
                .contains("\"revoked\"", caseId);
    }

    private static void awaitSuspended(TestDatabase db, String org, boolean suspended) {
        waitFor("the replica knows the organization is " + (suspended ? "suspended" : "active"))
                .until(() -> db.count(
                                "select count(*) from attest_tenant_organization where org_id = ? and suspended = ?",
                                org,
                                suspended)
                        == 1);
    }
}
