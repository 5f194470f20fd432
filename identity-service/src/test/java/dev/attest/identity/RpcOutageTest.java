package dev.attest.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.contracts.EventTypes;
import dev.attest.identity.client.ClaimSigning;
import dev.attest.identity.service.PlatformContracts;
import dev.attest.identity.support.FlakyNodeResource;
import dev.attest.identity.support.IdentityEventsRead;
import dev.attest.identity.support.TestChain;
import dev.attest.identity.support.TestEvents;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(FlakyNodeResource.class)
@WithTestResource(GatewayTokens.class)
class RpcOutageTest {
    @Inject
    PlatformContracts contracts;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void issuanceWaitsThroughAnRpcOutageAndThenIssuesExactlyOnce() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String user = "user-" + UUID.randomUUID();
        String wallet = TestChain.newWallet();
        try (TestEvents events = new TestEvents()) {
            // Warm up: the platform contracts exist before the outage.
            String warm = "warm-" + UUID.randomUUID();
            events.walletProvisioned(org, warm, TestChain.newWallet(), "case-warm");
            IdentityEventsRead.await((org + ":" + warm)::equals, EventTypes.Identity.CLAIM_ISSUED, 1);

            FlakyNodeResource.cut();
            try {
                events.walletProvisioned(org, user, wallet, "case-" + UUID.randomUUID());
                // Several rounds fail against the cut node; the planned identity waits.
                assertThat(IdentityEventsRead.readFor(
                                (org + ":" + user)::equals, EventTypes.Identity.CREATED, Duration.ofSeconds(8)))
                        .isEmpty();
                // ... and the service says it is not ready.
                given().when()
                        .get("/q/health/ready")
                        .then()
                        .statusCode(503)
                        .body("checks.find { it.name == 'EVM node and operator balance' }.status", equalTo("DOWN"))
                        .body(
                                "checks.find { it.name == 'EVM node and operator balance' }.data.error",
                                equalTo("node unreachable"));
            } finally {
                FlakyNodeResource.restore();
            }

            List<JsonNode> issued =
                    IdentityEventsRead.await((org + ":" + user)::equals, EventTypes.Identity.CLAIM_ISSUED, 1);
            assertThat(issued).hasSize(1);
            PlatformContracts.Addresses platform = contracts.addresses().orElseThrow();
            String identity = TestChain.identityOf(platform.idFactory(), wallet);
            assertThat(TestChain.claimValid(
                            identity,
                            platform.claimIssuer(),
                            BigInteger.ONE,
                            ClaimSigning.claimId(platform.claimIssuer(), BigInteger.ONE)))
                    .isTrue();
            assertThat(IdentityEventsRead.readFor(
                            (org + ":" + user)::equals, EventTypes.Identity.CREATED, Duration.ofSeconds(2)))
                    .hasSize(1);
            // The user's onboarding was sent once.
            assertThat(count(
                            "select count(*) from chain_transactions t join identities i on i.deploy_tx_hash = t.tx_hash"
                                    + " where i.user_id = '" + user + "'"))
                    .isEqualTo(1);
            // Two users, one onboarding transaction each: nothing sent twice.
            assertThat(count("select count(*) from chain_transactions where purpose like 'identity:%'"
                            + " or purpose like 'claim:%'"))
                    .isEqualTo(2);
        }
    }

    private long count(String sql) {
        return new TestDatabase(dataSource).count(sql);
    }
}
