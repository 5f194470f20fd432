package dev.attest.identity.client;

import dev.attest.common.tracing.ProviderSpans;
import dev.attest.evm.EvmNodes;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The EVM JSON-RPC node, wrapped: timeouts, and errors translated into {@link ChainUnavailableException} (try
 * again later) or {@link RevertedException} (the EVM said no). The only class that talks to web3j's client, so every
 * JSON-RPC request (and batch) is a client span here ({@link ProviderSpans}), named after its method.
 */
@ApplicationScoped
public class EvmNode {
    /** The provider name on the node's spans. */
    private static final String EVM_NODE = "evm-node";

    /** What nodes (geth, anvil, ganache) answer to a transaction they have seen or mined before. */
    private static final List<String> KNOWN_ALREADY =
            List.of("already known", "already imported", "nonce too low", "doesn't have the correct nonce");

    private final Web3j web3j;
    private final ProviderSpans spans;

    EvmNode(@ConfigProperty(name = "attest.evm.rpc-url") String rpcUrl, ProviderSpans spans) {
        this.spans = spans;
        this.web3j = EvmNodes.connect(rpcUrl);
    }

    @PreDestroy
    void close() {
        web3j.shutdown();
    }

    public long chainId() {
        return send(web3j.ethChainId()).getChainId().longValueExact();
    }

    public BigInteger balance(String address) {
        return send(web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST))
                .getBalance();
    }

    /** Transactions sent from {@code address}, counting those still in the pool. */
    public BigInteger pendingNonce(String address) {
        return send(web3j.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING))
                .getTransactionCount();
    }

    public BigInteger gasPrice() {
        return send(web3j.ethGasPrice()).getGasPrice();
    }

    public BigInteger blockNumber() {
        return send(web3j.ethBlockNumber()).getBlockNumber();
    }

    public boolean hasCode(String address) {
        String code = send(web3j.ethGetCode(address, DefaultBlockParameterName.LATEST))
                .getCode();
        return code != null && code.length() > 2;
    }

    /** Gas {@code data} would use sent from {@code from} to {@code to} (null: a deployment); a revert throws. */
    public BigInteger estimateGas(String from, String to, String data) {
        var answer = call(web3j.ethEstimateGas(new Transaction(from, null, null, null, to, null, data)));
        revertOnError(answer);
        return answer.getAmountUsed();
    }

    /** Broadcasts a signed transaction; a node that already knows it is not an error. */
    public void broadcast(String signedTransaction) {
        EthSendTransaction answer = call(web3j.ethSendRawTransaction(signedTransaction));
        if (answer.hasError()) {
            String message = answer.getError().getMessage().toLowerCase();
            if (KNOWN_ALREADY.stream().anyMatch(message::contains)) {
                return; // sent before (a rebroadcast), or this nonce is mined already: the receipts tell
            }
            throw new ChainUnavailableException(
                    "node refused the transaction: " + answer.getError().getMessage());
        }
    }

    /**
     * The receipts of {@code txHashes} that are mined, by hash, asked in one JSON-RPC batch (one round trip
     * however many transactions are pending).
     */
    public Map<String, TransactionReceipt> receipts(List<String> txHashes) {
        Map<String, TransactionReceipt> mined = new HashMap<>();
        if (txHashes.isEmpty()) {
            return mined;
        }
        BatchRequest batch = web3j.newBatch();
        txHashes.forEach(hash -> batch.add(web3j.ethGetTransactionReceipt(hash)));
        BatchResponse answers = spans.jsonRpc(EVM_NODE, "eth_getTransactionReceipt", () -> {
            try {
                return batch.send();
            } catch (IOException e) {
                throw new ChainUnavailableException("node unreachable: " + e.getMessage(), e);
            }
        });
        for (Response<?> answer : answers.getResponses()) {
            if (answer.hasError()) {
                throw new ChainUnavailableException(
                        "node error: " + answer.getError().getMessage());
            }
            ((EthGetTransactionReceipt) answer)
                    .getTransactionReceipt()
                    .ifPresent(receipt -> mined.put(receipt.getTransactionHash(), receipt));
        }
        return mined;
    }

    /** Calls a view function at the latest block and decodes its return values. */
    @SuppressWarnings("rawtypes")
    public List<Type> view(String contract, Function function) {
        String data = FunctionEncoder.encode(function);
        var answer = call(web3j.ethCall(
                Transaction.createEthCallTransaction(null, contract, data), DefaultBlockParameterName.LATEST));
        revertOnError(answer);
        return FunctionReturnDecoder.decode(answer.getValue(), function.getOutputParameters());
    }

    /**
     * Why a mined transaction reverted: its call replayed on the state before its block. A node that keeps no
     * state history (the local anvil runs with {@code --prune-history}; geth prunes old states too) refuses that
     * replay: it is then replayed on the latest state, which differs from the one before its block only by what
     * later transactions did, since a reverted transaction changed nothing.
     */
    public String revertReason(String from, String to, String data, BigInteger block) {
        Transaction call = new Transaction(from, null, null, null, to, null, data);
        var answer = call(web3j.ethCall(
                call,
                DefaultBlockParameter.valueOf(block.subtract(BigInteger.ONE).max(BigInteger.ZERO))));
        if (answer.hasError() && !isRevert(answer.getError())) {
            answer = call(web3j.ethCall(call, DefaultBlockParameterName.LATEST));
        }
        if (answer.hasError()) {
            return RevertReasons.from(
                    answer.getError().getData(), answer.getError().getMessage());
        }
        if (answer.getValue() != null && answer.getValue().startsWith("0x08c379a0")) {
            return RevertReasons.from(answer.getValue(), null);
        }
        return "reverted without a reason";
    }

    private static boolean isRevert(Response.Error error) {
        return error.getData() != null
                || (error.getMessage() != null && error.getMessage().contains("revert"));
    }

    private static void revertOnError(Response<?> answer) {
        if (answer.hasError()) {
            throw new RevertedException(RevertReasons.from(
                    answer.getError().getData(), answer.getError().getMessage()));
        }
    }

    /** Sends a request whose error answer is itself a failure of the node. */
    private <T extends Response<?>> T send(Request<?, T> request) {
        T answer = call(request);
        if (answer.hasError()) {
            throw new ChainUnavailableException(
                    "node error: " + answer.getError().getMessage());
        }
        return answer;
    }

    private <T extends Response<?>> T call(Request<?, T> request) {
        return spans.jsonRpc(EVM_NODE, request.getMethod(), () -> {
            try {
                return request.send();
            } catch (IOException e) {
                throw new ChainUnavailableException("node unreachable: " + e.getMessage(), e);
            }
        });
    }
}
