package dev.attest.wallet.aa;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * ERC-4337 (docs/gas-sponsorship.md): the chain's EntryPoint v0.7, SimpleAccountFactory and the platform's
 * VerifyingPaymaster, the bundler that takes UserOperations, and the paymaster's verifying key. Without a bundler,
 * an EntryPoint and a factory, smart accounts are not derived and no transfer is sponsored.
 */
@ConfigMapping(prefix = "attest.aa")
public interface AaConfig {
    /** The EVM node's JSON-RPC URL, for reads of the contracts (the platform's chain). */
    @WithDefault("http://127.0.0.1:8545")
    String rpcUrl();

    /** Any ERC-4337 bundler serving the EntryPoint below. */
    Optional<String> bundlerUrl();

    Optional<String> entryPoint();

    Optional<String> accountFactory();

    /** The platform's VerifyingPaymaster; without it only external paymasters sponsor. */
    Optional<String> paymaster();

    /** The paymaster's verifying signer: a hex private key, or the path of a file holding one (mode 600). */
    Optional<String> paymasterSignerKey();

    /** The Dfns network whose wallets own smart accounts on this chain; absent: every wallet's. */
    Optional<String> network();

    /** How long a paymaster approval is valid (the VerifyingPaymaster's validUntil). */
    @WithDefault("10m")
    Duration approvalValidity();

    /** Timeout of one exchange with the bundler or an external paymaster. */
    @WithDefault("15s")
    Duration requestTimeout();

    /** How often sponsored operations still open are looked at (their receipts, resends). */
    @WithDefault("3s")
    Duration pollInterval();

    /** A sent operation without a receipt this long after its approval expired can no longer be included. */
    @WithDefault("60s")
    Duration expiryMargin();

    default boolean enabled() {
        return bundlerUrl().isPresent()
                && entryPoint().isPresent()
                && accountFactory().isPresent();
    }
}
