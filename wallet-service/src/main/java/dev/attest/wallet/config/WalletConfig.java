package dev.attest.wallet.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Configuration of wallet-service. */
@ConfigMapping(prefix = "attest.wallet")
public interface WalletConfig {
    Provisioning provisioning();

    Transfers transfers();

    Dfns dfns();

    interface Provisioning {
        /** Attempts at creating a user's wallet before it is reported failed to the org's admins. */
        @WithDefault("6")
        int maxAttempts();

        /** Wait after the first failed attempt; doubled after each further one. */
        @WithDefault("5s")
        Duration backoff();

        /** How often due wallets are looked for (read by the scheduler). */
        @WithDefault("2s")
        Duration pollInterval();

        /** How long a worker holds a claimed wallet before another may retry it (a crashed worker's lease). */
        @WithDefault("2m")
        Duration lease();

        /** Wallets asked of Dfns at once by one replica (each with its own externalId, so none is made twice). */
        @WithDefault("8")
        int concurrency();
    }

    interface Transfers {
        /** How often open transfers are looked for (read by the scheduler). */
        @WithDefault("10s")
        Duration pollInterval();

        /** Open transfers not updated by a webhook for this long are polled from Dfns. */
        @WithDefault("30s")
        Duration pollAfter();
    }

    interface Dfns {
        /** Timeout of one HTTP exchange with Dfns. */
        @WithDefault("10s")
        Duration requestTimeout();

        /** Retries of a call that met a 429, a 5xx, a timeout or a connection failure. */
        @WithDefault("3")
        int maxRetries();

        /** Wait before the first retry; doubled after each. */
        @WithDefault("250ms")
        Duration retryBackoff();

        /** Largest allowed difference between a webhook's timestampSent and now. */
        @WithDefault("300s")
        Duration webhookTolerance();

        /** Credentials used for one organization without stored settings (the local stack's). */
        DefaultOrg defaultOrg();
    }

    interface DefaultOrg {
        /** The organization, by id or by slug (the local stack configures its slug, {@code demo}). */
        Optional<String> orgId();

        Optional<String> apiBaseUrl();

        Optional<String> token();

        Optional<String> credentialId();

        /** The credential's private key, PEM, or a path to a PEM file. */
        Optional<String> privateKey();

        /** The webhook secret; two, comma-separated, while a rotation is under way. */
        Optional<String> webhookSecret();

        @WithDefault("Ethereum")
        String defaultNetwork();
    }
}
