package dev.attest.wallet.rest;

import dev.attest.wallet.Wallet;

/**
 * The caller's wallet and where its provisioning stands.
 *
 * @param status {@code none} (not verified yet), {@code pending}, {@code provisioned} or {@code failed}
 */
public record MyWalletView(String status, String walletId, String network, String address) {
    public static MyWalletView none() {
        return new MyWalletView("none", null, null, null);
    }

    public static MyWalletView of(Wallet wallet) {
        return new MyWalletView(wallet.status, wallet.id.toString(), wallet.network, wallet.address);
    }
}
