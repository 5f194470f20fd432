package dev.attest.wallet.rest;

import dev.attest.wallet.service.OrgListingService;

/**
 * A wallet of the organization's Dfns account, joined with the user or business it was provisioned for
 * ({@code subject}); a wallet made outside Attest has no {@code wallet_id}, {@code user_id} or {@code subject}.
 */
public record OrgWalletView(
        String providerWalletId,
        String network,
        String address,
        String providerStatus,
        String walletId,
        String userId,
        String subject) {

    public static OrgWalletView of(OrgListingService.OrgWallet wallet) {
        return new OrgWalletView(
                wallet.dfns().id(),
                wallet.dfns().network(),
                wallet.dfns().address(),
                wallet.dfns().status(),
                wallet.ours().map(ours -> ours.id.toString()).orElse(null),
                wallet.ours().map(ours -> ours.userId).orElse(null),
                wallet.ours().map(ours -> ours.subject).orElse(null));
    }
}
