package dev.attest.sandbox.dfns;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * A wallet's assets as Dfns answers {@code GET /wallets/{walletId}/assets}: {@code {walletId, network,
 * assets: [{kind, contract?, symbol, decimals, verified, balance}]}}, balances as integer strings in the
 * smallest unit, read from the EVM node at the latest block.
 *
 * <p>The native asset is always listed. The ERC-20 tokens listed are those the wallet has received (an
 * ERC-20 {@code Transfer} event naming its address, found with {@code eth_getLogs} from the block the
 * wallet was made in, then only the new blocks) and still holds, with the {@code symbol()} and
 * {@code decimals()} the contract answers; a contract that does not answer {@code decimals()} is no ERC-20
 * and is left out. The sandbox keeps no token list, so tokens are never {@code verified}; it has no prices,
 * so there are no {@code quotes} and no {@code netWorth}.
 */
@ApplicationScoped
public class Assets {
    private static final Logger LOG = Logger.getLogger(Assets.class);
    private static final int EVM_DECIMALS = 18;

    private final EvmChain chain;
    private final Map<String, Discovery> discoveries = new ConcurrentHashMap<>();
    private final Map<String, Optional<Token>> tokens = new ConcurrentHashMap<>();

    /** An ERC-20 contract's metadata. */
    record Token(String contract, String symbol, int decimals) {}

    /** The tokens found so far for one wallet, and the next block to look in. */
    private static final class Discovery {
        private final Set<String> contracts = new LinkedHashSet<>();
        private BigInteger next;

        private Discovery(BigInteger next) {
            this.next = next;
        }
    }

    Assets(EvmChain chain) {
        this.chain = chain;
    }

    ObjectNode of(SandboxWallet wallet) {
        try {
            ObjectNode answer = DfnsJson.object();
            answer.put("walletId", wallet.id());
            answer.put("network", wallet.network());
            ArrayNode assets = answer.putArray("assets");
            assets.addObject()
                    .put("kind", "Native")
                    .put("symbol", nativeSymbol(wallet.network()))
                    .put("decimals", EVM_DECIMALS)
                    .put("verified", true)
                    .put("balance", chain.balance(wallet.address()).toString());
            for (String contract : tokensOf(wallet)) {
                Optional<Token> token = tokens.computeIfAbsent(contract, this::token);
                if (token.isEmpty()) {
                    continue;
                }
                BigInteger balance = balanceOf(contract, wallet.address());
                if (balance.signum() > 0) {
                    ObjectNode asset = assets.addObject().put("kind", "Erc20").put("contract", contract);
                    if (token.get().symbol() != null) {
                        asset.put("symbol", token.get().symbol());
                    }
                    asset.put("decimals", token.get().decimals())
                            .put("verified", false)
                            .put("balance", balance.toString());
                }
            }
            return answer;
        } catch (UncheckedIOException | EvmChain.ChainException e) {
            LOG.debugf("assets of %s not readable: %s", wallet.id(), e.getMessage());
            throw new DfnsApiException(503, "Wallet balances are unavailable right now", null);
        }
    }

    /** Dfns's symbol of the network's native asset (the sandbox serves EVM networks only). */
    static String nativeSymbol(String network) {
        return network.startsWith("Polygon") ? "POL" : "ETH";
    }

    private List<String> tokensOf(SandboxWallet wallet) {
        Discovery discovery = discoveries.computeIfAbsent(wallet.id(), id -> new Discovery(wallet.firstBlock()));
        synchronized (discovery) {
            BigInteger latest = chain.blockNumber();
            if (discovery.next.compareTo(latest) <= 0) {
                discovery.contracts.addAll(chain.tokensReceived(wallet.address(), discovery.next, latest));
                discovery.next = latest.add(BigInteger.ONE);
            }
            return new ArrayList<>(discovery.contracts);
        }
    }

    private Optional<Token> token(String contract) {
        Optional<Type<?>> decimals =
                read(contract, new Function("decimals", List.of(), List.of(new TypeReference<Uint8>() {})));
        if (decimals.isEmpty()) {
            return Optional.empty();
        }
        String symbol = read(contract, new Function("symbol", List.of(), List.of(new TypeReference<Utf8String>() {})))
                .map(value -> value.getValue().toString())
                .orElse(null);
        return Optional.of(
                new Token(contract, symbol, ((BigInteger) decimals.get().getValue()).intValueExact()));
    }

    private BigInteger balanceOf(String contract, String owner) {
        return read(
                        contract,
                        new Function(
                                "balanceOf", List.of(new Address(owner)), List.of(new TypeReference<Uint256>() {})))
                .map(value -> (BigInteger) value.getValue())
                .orElse(BigInteger.ZERO);
    }

    @SuppressWarnings("rawtypes")
    private Optional<Type<?>> read(String contract, Function function) {
        return chain.call(contract, FunctionEncoder.encode(function)).flatMap(answer -> {
            try {
                List<Type> decoded = FunctionReturnDecoder.decode(answer, function.getOutputParameters());
                return decoded.isEmpty() ? Optional.empty() : Optional.of((Type<?>) decoded.get(0));
            } catch (RuntimeException e) {
                return Optional.empty(); // not the ABI type asked for (e.g. a bytes32 symbol)
            }
        });
    }
}
