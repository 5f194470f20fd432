package dev.attest.wallet.client;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.wallet.support.DfnsAccount;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class DfnsClientTest {
    @Inject
    DfnsClient dfns;

    @AfterEach
    void clearFaults() {
        given().delete("/dfns/_sandbox/faults").then().statusCode(204);
    }

    @Test
    void serverErrorsAreRetriedUntilDfnsAnswers() {
        DfnsCredentials credentials = credentials(DfnsAccount.register("EC"));
        fault("{\"kind\":\"server-error\",\"status\":503,\"count\":2,\"pathContains\":\"/dfns/wallets\"}");

        DfnsWallet wallet = dfns.createWallet(credentials, "Ethereum", "w", "ext-" + UUID.randomUUID(), List.of());

        assertThat(wallet.id()).startsWith("wa-");
        assertThat(dfns.listWallets(credentials, 10, Optional.empty()).items())
                .extracting(DfnsWallet::id)
                .containsExactly(wallet.id());
    }

    @Test
    void aRateLimitThatOutlastsTheRetriesIsReportedAsUnavailable() {
        DfnsCredentials credentials = credentials(DfnsAccount.register("EC"));
        fault("{\"kind\":\"server-error\",\"status\":429,\"count\":10,\"pathContains\":\"/dfns/wallets\"}");

        assertThatThrownBy(() -> dfns.listWallets(credentials, 10, Optional.empty()))
                .isInstanceOf(DfnsUnavailableException.class)
                .hasMessageContaining("429");
    }

    @Test
    void dfnsErrorsAreMappedWithTheirMessage() {
        DfnsCredentials credentials = credentials(DfnsAccount.register("EC"));
        assertThatThrownBy(() -> dfns.getWallet(credentials, "wa-unknown"))
                .isInstanceOfSatisfying(
                        DfnsException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining("not found");
    }

    @Test
    void aSecondCreateWithTheSameExternalIdAnswersTheFirstWallet() {
        DfnsCredentials credentials = credentials(DfnsAccount.register("RSA"));
        String externalId = "ext-" + UUID.randomUUID();
        DfnsWallet first = dfns.createWallet(credentials, "Ethereum", "w", externalId, List.of("a"));
        DfnsWallet again = dfns.createWallet(credentials, "Ethereum", "w", externalId, List.of("a"));
        assertThat(again.id()).isEqualTo(first.id());
        assertThatThrownBy(() -> dfns.createWallet(credentials, "Polygon", "w", externalId, List.of("a")))
                .isInstanceOfSatisfying(
                        DfnsException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void aPolicyPendingTransferIsNotReportedAsDone() {
        DfnsCredentials credentials = credentials(DfnsAccount.register("EC"));
        DfnsWallet wallet = dfns.createWallet(credentials, "Ethereum", "w", "ext-" + UUID.randomUUID(), List.of());
        fault("{\"kind\":\"policy-pending\"}");

        DfnsTransfer transfer = dfns.createTransfer(
                credentials, wallet.id(), "0x" + "12".repeat(20), "1", Optional.empty(), "x-" + UUID.randomUUID());

        assertThat(transfer.policyPending()).isTrue();
        assertThat(transfer.status()).isEqualTo("Pending");
    }

    private static void fault(String body) {
        given().body(body).post("/dfns/_sandbox/faults").then().statusCode(204);
    }

    private static DfnsCredentials credentials(DfnsAccount account) {
        return new DfnsCredentials(
                DfnsAccount.baseUrl() + "/dfns",
                account.token,
                account.credentialId,
                CredentialKeys.parsePrivateKey(account.privateKeyPem),
                Optional.empty());
    }
}
