package dev.attest.e2e.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.e2e.Settings;
import dev.attest.e2e.auth.Keycloak;
import dev.attest.e2e.http.HttpJson;
import dev.attest.e2e.probe.Waiting;
import dev.attest.e2e.tenant.DemoTenantSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web console in a real browser (Debian's Chromium, driven by Playwright) against the whole platform:
 * the browser tests are {@code web/e2e/*.spec.ts}; this runs them with the running stack's addresses and
 * fails when any of them fails. Their screenshots land in {@code web/test-results/screenshots/}.
 *
 * <p>The documents test ({@code web/e2e/documents.spec.ts}) puts a canary this test chooses into the file it uploads
 * and the personal-data form it fills in; once the browser tests have passed, the canary must be nowhere the platform
 * keeps anything ({@link PrivacyCanaryScan}): the system-level check of the zero-PII promise.
 */
@ExtendWith(TheStack.class)
class ConsoleBrowserSystemTest {
    private static final long TIMEOUT_MINUTES = 20;

    @Test
    void everyBrowserTestOfTheConsolePassesAndNoPlaintextOfTheirDocumentsIsKept(LocalStack stack) throws Exception {
        Settings settings = stack.settings();
        String canary = "canary-" + UUID.randomUUID();
        Instant started = Instant.now();
        HttpJson http = new HttpJson();
        new DemoTenantSetup(settings, http, new Keycloak(settings, http)).ensure();

        Path web = stack.root().resolve("web");
        Path log = stack.root().resolve("e2e/target/console-browser-tests.log");
        ProcessBuilder builder = new ProcessBuilder("npm", "run", "test:browser")
                .directory(web.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("ATTEST_CONSOLE_URL", settings.gatewayUrl() + "/console/");
        builder.environment().put("ATTEST_GATEWAY_URL", settings.gatewayUrl());
        builder.environment().put("ATTEST_OIDC_URL", settings.oidcUrl());
        builder.environment().put("ATTEST_SANDBOX_URL", settings.sandboxUrl());
        builder.environment().put("ATTEST_EVM_RPC_URL", settings.evmRpcUrl());
        builder.environment().put("ATTEST_DFNS_API_URL", settings.dfnsApiUrl());
        // the launcher's Dfns service account, which an admin's test enters on the integrations page
        builder.environment()
                .put(
                        "ATTEST_SECRETS_DIR",
                        settings.secretsDir().toAbsolutePath().toString());
        builder.environment().put("ATTEST_PRIVACY_CANARY", canary);
        builder.environment().put("CI", "true");
        Process browserTests = builder.start();
        boolean finished = browserTests.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            browserTests.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertThat(finished)
                .as("the browser tests finished within %d minutes", TIMEOUT_MINUTES)
                .isTrue();
        assertThat(browserTests.exitValue())
                .as("the browser tests' exit code (output above)")
                .isZero();

        assertThat(awaitDocumentsConfirmedSince(stack, started))
                .as("documents the browser tests uploaded and Arweave confirmed")
                .isPositive();
        assertThat(new PrivacyCanaryScan(stack).placesHolding(canary))
                .as("places holding the plaintext of what the browser encrypted")
                .isEmpty();
    }

    /**
     * Proof that the canary went through the platform (as ciphertext), as far as Arweave: a scan of nothing would pass
     * as well. Confirmation follows the tests by a block or two of the local Arweave gateway.
     */
    private static long awaitDocumentsConfirmedSince(LocalStack stack, Instant since) {
        return Waiting.until("documents confirmed on Arweave", Duration.ofMinutes(2), () -> {
            try {
                long confirmed = documentsConfirmedSince(stack, since);
                return confirmed > 0 ? Optional.of(confirmed) : Optional.empty();
            } catch (SQLException e) {
                throw new IllegalStateException("reading document-service's database", e);
            }
        });
    }

    private static long documentsConfirmedSince(LocalStack stack, Instant since) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(stack.jdbcUrl("attest_document"), "postgres", "postgres");
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from document where state = 'confirmed' and created_at >= ?")) {
            query.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
