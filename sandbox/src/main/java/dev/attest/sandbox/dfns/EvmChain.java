package dev.attest.sandbox.dfns;

import dev.attest.evm.EvmNodes;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.FastRawTransactionManager;
import org.web3j.utils.Numeric;

/** The EVM node behind the sandbox's wallets: signs with the wallet's secp256k1 key and broadcasts. */
@ApplicationScoped
public class EvmChain {
    private static final BigInteger NATIVE_GAS = BigInteger.valueOf(21_000);
    private static final BigInteger TOKEN_GAS_FALLBACK = BigInteger.valueOf(120_000);
    /** keccak256("Transfer(address,address,uint256)"), topic 0 of the ERC-20 (and ERC-721) transfer event. */
    private static final String TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    /** How long one reading of the node's gas price serves new transactions. */
    static final Duration GAS_PRICE_TTL = Duration.ofSeconds(2);
    /** Tries of one transaction whose nonce or fee the node refuses (each with a nonce and price taken anew). */
    private static final int SEND_ATTEMPTS = 3;

    private final DfnsSandboxConfig config;
    private volatile Web3j web3j;
    private volatile Long chainId;
    private final ConcurrentMap<String, FastRawTransactionManager> senders = new ConcurrentHashMap<>();
    private final Object quoteLock = new Object();
    private volatile PriceQuote quote;

    EvmChain(DfnsSandboxConfig config) {
        this.config = config;
    }

    /** Sends {@code wei} from {@code from} to {@code to}; answers the transaction hash. */
    public String sendNative(Credentials from, String to, BigInteger wei) {
        return send(from, to, wei, "", NATIVE_GAS);
    }

    /** Calls {@code transfer(to, amount)} on the ERC-20 {@code contract}; answers the transaction hash. */
    public String sendErc20(Credentials from, String contract, String to, BigInteger amount) {
        Function transfer = new Function("transfer", List.of(new Address(to), new Uint256(amount)), List.of());
        String data = FunctionEncoder.encode(transfer);
        return send(from, contract, BigInteger.ZERO, data, estimateGas(from, contract, data));
    }

    /** Funds a new wallet from the configured faucet, if there is one. */
    public Optional<String> fund(String address) {
        return config.faucetPrivateKey()
                .map(key -> sendNative(Credentials.create(key), address, new BigInteger(config.faucetAmountWei())));
    }

    /** The native balance of {@code address} at the latest block, in wei. */
    public BigInteger balance(String address) {
        return checked(() -> node().ethGetBalance(address, DefaultBlockParameterName.LATEST)
                        .send())
                .getBalance();
    }

    /** The number of the latest block. */
    public BigInteger blockNumber() {
        return checked(() -> node().ethBlockNumber().send()).getBlockNumber();
    }

    /**
     * The contracts whose ERC-20 {@code Transfer(from, to, value)} event named {@code address} as the
     * recipient in blocks {@code from} to {@code to}: the tokens the address has received. ERC-721's event
     * has the same signature but a fourth topic (the token id), and is left out.
     */
    public Set<String> tokensReceived(String address, BigInteger from, BigInteger to) {
        EthFilter filter = new EthFilter(
                DefaultBlockParameter.valueOf(from), DefaultBlockParameter.valueOf(to), List.<String>of());
        filter.addSingleTopic(TRANSFER_TOPIC);
        filter.addNullTopic();
        filter.addSingleTopic(Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(address), 64));
        Set<String> contracts = new LinkedHashSet<>();
        for (EthLog.LogResult<?> result :
                checked(() -> node().ethGetLogs(filter).send()).getLogs()) {
            if (result.get() instanceof Log log && log.getTopics().size() == 3) {
                contracts.add(log.getAddress().toLowerCase(Locale.ROOT));
            }
        }
        return contracts;
    }

    /** {@code eth_call} of {@code data} on {@code contract} at the latest block; empty if it reverts or is empty. */
    public Optional<String> call(String contract, String data) {
        var answer = checked(
                () -> node().ethCall(
                                Transaction.createEthCallTransaction(null, contract, data),
                                DefaultBlockParameterName.LATEST)
                        .send(),
                false);
        return answer == null
                        || answer.isReverted()
                        || Numeric.cleanHexPrefix(answer.getValue()).isEmpty()
                ? Optional.empty()
                : Optional.of(answer.getValue());
    }

    /** The mined receipt of {@code txHash}, once there is one. */
    public Optional<TransactionReceipt> receipt(String txHash) {
        return checked(() -> node().ethGetTransactionReceipt(txHash).send()).getTransactionReceipt();
    }

    /**
     * Signs with the next nonce of {@code from} and broadcasts. web3j's {@link FastRawTransactionManager} keeps
     * each sender's nonce in this process and holds no lock across the broadcast, so the sends of one sender (the
     * faucet funding many new wallets) are pipelined. A transaction the node refuses leaves a gap in that count:
     * the count is dropped and read again from the node, and a nonce or fee refusal is tried again a few times.
     */
    private String send(Credentials from, String to, BigInteger value, String data, BigInteger gas) {
        FastRawTransactionManager sender = senders.computeIfAbsent(
                from.getAddress().toLowerCase(Locale.ROOT),
                address -> new FastRawTransactionManager(node(), from, chainId()));
        for (int attempt = 1; ; attempt++) {
            EthSendTransaction answer;
            try {
                answer = sender.sendTransaction(gasPrice(), gas, to, data, value, false);
            } catch (IOException e) {
                sender.clearNonce(); // taken or not, the node's pending count tells
                throw new UncheckedIOException("EVM node unreachable", e);
            }
            if (!answer.hasError()) {
                return answer.getTransactionHash();
            }
            sender.clearNonce();
            Refusal refusal = Refusal.of(answer.getError().getMessage());
            if (refusal == Refusal.FEE) {
                quote = null;
            }
            if (refusal == Refusal.OTHER || attempt == SEND_ATTEMPTS) {
                throw new ChainException(answer.getError().getMessage());
            }
        }
    }

    /** The node's gas price, read at most once per {@link #GAS_PRICE_TTL} for every transaction meanwhile. */
    private BigInteger gasPrice() {
        PriceQuote current = quote;
        if (current == null || current.isOlderThan(GAS_PRICE_TTL)) {
            synchronized (quoteLock) {
                current = quote;
                if (current == null || current.isOlderThan(GAS_PRICE_TTL)) {
                    current = new PriceQuote(
                            checked(() -> node().ethGasPrice().send()).getGasPrice(), System.nanoTime());
                    quote = current;
                }
            }
        }
        return current.wei();
    }

    private record PriceQuote(BigInteger wei, long readAtNanos) {
        boolean isOlderThan(Duration age) {
            return System.nanoTime() - readAtNanos > age.toNanos();
        }
    }

    /** Why the node refused a transaction, as far as a retry is concerned. */
    private enum Refusal {
        NONCE,
        FEE,
        OTHER;

        static Refusal of(String message) {
            String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
            if (m.contains("nonce")
                    || m.contains("already known")
                    || m.contains("already imported")
                    || m.contains("replacement")) {
                return NONCE;
            }
            if (m.contains("underpriced") || m.contains("base fee") || m.contains("fee too low")) {
                return FEE;
            }
            return OTHER;
        }
    }

    private BigInteger estimateGas(Credentials from, String to, String data) {
        var estimate = checkedOrNull(
                () -> node().ethEstimateGas(Transaction.createEthCallTransaction(from.getAddress(), to, data))
                        .send());
        return estimate == null ? TOKEN_GAS_FALLBACK : estimate.getAmountUsed().multiply(BigInteger.TWO);
    }

    private long chainId() {
        if (chainId == null) {
            chainId = checked(() -> node().ethChainId().send()).getChainId().longValue();
        }
        return chainId;
    }

    private Web3j node() {
        if (web3j == null) {
            synchronized (this) {
                if (web3j == null) {
                    web3j = EvmNodes.connect(config.evmRpcUrl());
                }
            }
        }
        return web3j;
    }

    @PreDestroy
    void close() {
        if (web3j != null) {
            web3j.shutdown();
        }
    }

    private interface Call<T extends Response<?>> {
        T send() throws IOException;
    }

    private static <T extends Response<?>> T checked(Call<T> call) {
        return checked(call, true);
    }

    // A node error is a ChainException when {@code errorsThrow}, else null (e.g. a call that reverts).
    private static <T extends Response<?>> T checked(Call<T> call, boolean errorsThrow) {
        T response;
        try {
            response = call.send();
        } catch (IOException e) {
            throw new UncheckedIOException("EVM node unreachable", e);
        }
        if (response.hasError()) {
            if (!errorsThrow) {
                return null;
            }
            throw new ChainException(response.getError().getMessage());
        }
        return response;
    }

    private static <T extends Response<?>> T checkedOrNull(Call<T> call) {
        try {
            T response = call.send();
            return response.hasError() ? null : response;
        } catch (IOException e) {
            return null;
        }
    }

    /** The node refused a transaction (e.g. insufficient funds); the transfer fails with this reason. */
    public static class ChainException extends RuntimeException {
        ChainException(String message) {
            super(message);
        }
    }
}
