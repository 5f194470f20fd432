package dev.attest.wallet.rest;

import dev.attest.wallet.Wallet;

/**
 * The caller's wallet and where its provisioning stands.
 *
 * @param status {@code none} (not verified yet), {@code pending}, {@code provisioned} or {@code failed}
 * @param smartAccount the ERC-4337 account the wallet's key owns, once its address is known; null before, and when
 *     the platform runs without ERC-4337
 * @param sponsorship whether the project pays the gas of the caller's transfers from it, and if not why
 */
public record MyWalletView(
        String status,
        String walletId,
        String network,
        String address,
        SmartAccount smartAccount,
        Sponsorship sponsorship) {
    /** Funds sent to {@code address} move with sponsored gas; {@code deployed} once its first operation ran. */
    public record SmartAccount(String address, boolean deployed) {}

    /** {@code reason}: the refusal's code (sponsorship-not-enabled, kyc-not-verified, ...) when not available. */
    public record Sponsorship(boolean available, String reason) {}

    public static MyWalletView none() {
        return new MyWalletView("none", null, null, null, null, new Sponsorship(false, "sponsorship-not-enabled"));
    }

    /** The wallet where its provisioning stands, its sponsorship not asked (null). */
    public static MyWalletView of(Wallet wallet) {
        return new MyWalletView(wallet.status, wallet.id.toString(), wallet.network, wallet.address, null, null);
    }

    public static MyWalletView of(Wallet wallet, java.util.Optional<String> sponsorshipRefusal) {
        return new MyWalletView(
                wallet.status,
                wallet.id.toString(),
                wallet.network,
                wallet.address,
                wallet.smartAccountAddress == null
                        ? null
                        : new SmartAccount(wallet.smartAccountAddress, wallet.smartAccountDeployed),
                new Sponsorship(sponsorshipRefusal.isEmpty(), sponsorshipRefusal.orElse(null)));
    }
}
