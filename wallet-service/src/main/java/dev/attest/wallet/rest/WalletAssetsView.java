package dev.attest.wallet.rest;

import dev.attest.wallet.Wallet;
import dev.attest.wallet.client.DfnsWalletAssets;
import java.util.List;
import java.util.Locale;

/**
 * A wallet's balances as Dfns reports them.
 *
 * @param network the wallet's Dfns network
 * @param assets the native asset first, then the tokens the wallet holds
 */
public record WalletAssetsView(String walletId, String network, String address, List<AssetView> assets) {

    /**
     * One asset and its balance.
     *
     * @param kind {@code native} or {@code erc20} (as in transfer requests; another Dfns kind in lower case)
     * @param symbol null when the token does not name one
     * @param decimals how many of the smallest unit make one {@code symbol}
     * @param balance integer string in the smallest unit (wei for ETH): divide by 10^decimals to display
     * @param contract the token's contract, for {@code erc20}; null for {@code native}
     * @param verified whether Dfns lists the asset as verified; null when Dfns does not say
     */
    public record AssetView(
            String kind, String symbol, int decimals, String balance, String contract, Boolean verified) {}

    public static WalletAssetsView of(Wallet wallet, DfnsWalletAssets dfns) {
        return new WalletAssetsView(
                wallet.id.toString(),
                wallet.network,
                wallet.address,
                dfns.assets().stream()
                        .map(asset -> new AssetView(
                                asset.kind().toLowerCase(Locale.ROOT),
                                asset.symbol(),
                                asset.decimals(),
                                asset.balance(),
                                asset.contract(),
                                asset.verified()))
                        .toList());
    }
}
