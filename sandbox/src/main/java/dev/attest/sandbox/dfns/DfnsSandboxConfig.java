package dev.attest.sandbox.dfns;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Configuration of the Dfns stand-in. */
@ConfigMapping(prefix = "sandbox.dfns")
public interface DfnsSandboxConfig {
    /** JSON-RPC URL of the EVM node the sandbox's wallets sign for and broadcast to. */
    String evmRpcUrl();

    /** Dfns network names served by that node; others are refused as unsupported. */
    List<String> evmNetworks();

    /** Private key (hex) of the account that funds new wallets; absent means new wallets start empty. */
    Optional<String> faucetPrivateKey();

    /** Wei sent to every new wallet by the faucet. */
    @WithDefault("1000000000000000000")
    String faucetAmountWei();

    /** How often broadcast transfers are checked for their receipt. */
    @WithDefault("200ms")
    Duration receiptPollInterval();

    /** How long a challenge from /auth/action/init may be answered. */
    @WithDefault("5m")
    Duration challengeTtl();

    /** A service account registered at start (the local stack's), so the stack needs no scripting call. */
    Bootstrap bootstrap();

    interface Bootstrap {
        /** Its bearer token. */
        Optional<String> token();

        /** Id of its credential. */
        Optional<String> credentialId();

        /** The credential's public key, PEM (SPKI) or a path to a PEM file. */
        Optional<String> publicKey();

        /** A webhook of the account, subscribed to every event (the local stack's wallet-service). */
        Optional<String> webhookUrl();

        /** The secret that webhook's deliveries are signed with. */
        Optional<String> webhookSecret();

        /** Dfns org id of the account. */
        @WithDefault("or-sandbox-default")
        String orgId();
    }
}
