package dev.attest.wallet.rest;

import dev.attest.wallet.service.OrgListingService;

/**
 * A wallet of the organization's Dfns account, joined with the user it was provisioned for; a wallet
 * made outside Attest has no {@code wallet_id} or {@code user_id}.
 */
public record OrgWalletView(
        String providerWalletId,
        String network,
        String address,
        String providerStatus,
        String walletId,
        String userId) {

    public static OrgWalletView of(OrgListingService.OrgWallet wallet) {
        return new OrgWalletView(
                wallet.dfns().id(),
                wallet.dfns().network(),
                wallet.dfns().address(),
                wallet.dfns().status(),
                wallet.ours().map(ours -> ours.id.toString()).orElse(null),
                wallet.ours().map(ours -> ours.userId).orElse(null));
    }
}
