package dev.attest.wallet.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What Dfns answers to {@code GET /wallets/{walletId}/assets}: the wallet's assets with their balances.
 *
 * @param assets in Dfns's order; quotes and net worth are not read
 */
public record DfnsWalletAssets(String walletId, String network, List<Asset> assets) {

    /**
     * One asset of the wallet.
     *
     * @param kind Dfns's kind: {@code Native}, {@code Erc20}, ...
     * @param contract the token's contract, for {@code Erc20} (and the other contract kinds); else null
     * @param symbol absent for some tokens
     * @param balance integer string in the smallest unit
     */
    public record Asset(String kind, String contract, String symbol, int decimals, Boolean verified, String balance) {}

    static DfnsWalletAssets from(JsonNode json) {
        List<Asset> assets = new ArrayList<>();
        json.path("assets")
                .forEach(asset -> assets.add(new Asset(
                        asset.path("kind").asText(),
                        asset.path("contract").asText(null),
                        asset.path("symbol").asText(null),
                        asset.path("decimals").asInt(),
                        asset.path("verified").isBoolean()
                                ? asset.get("verified").asBoolean()
                                : null,
                        asset.path("balance").asText())));
        return new DfnsWalletAssets(
                json.path("walletId").asText(), json.path("network").asText(), List.copyOf(assets));
    }
}
