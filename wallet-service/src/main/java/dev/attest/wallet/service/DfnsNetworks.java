package dev.attest.wallet.service;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Dfns network names ({@code EthereumSepolia}) from the way projects name their wallet network at the
 * gateway ({@code ethereum-sepolia}, {@code EthereumSepolia}, {@code ethereum_sepolia}).
 */
final class DfnsNetworks {
    private static final List<String> KNOWN = List.of(
            "Ethereum",
            "EthereumSepolia",
            "EthereumHolesky",
            "Polygon",
            "PolygonAmoy",
            "Base",
            "BaseSepolia",
            "ArbitrumOne",
            "ArbitrumSepolia",
            "Optimism",
            "OptimismSepolia",
            "Avalanche",
            "AvalancheFuji",
            "Bsc",
            "BscTestnet");

    private DfnsNetworks() {}

    /** The Dfns name of {@code name}: a known network whatever its spelling, else its words joined in PascalCase. */
    static String fromProject(String name) {
        String squashed = name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        return KNOWN.stream()
                .filter(known -> known.toLowerCase(Locale.ROOT).equals(squashed))
                .findFirst()
                .orElseGet(() -> Arrays.stream(name.split("[^A-Za-z0-9]+"))
                        .filter(word -> !word.isEmpty())
                        .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                        .collect(Collectors.joining()));
    }
}
