package dev.attest.identity.support;

import dev.attest.evm.EvmNodes;
import dev.attest.identity.client.ContractCalls;
import dev.attest.testing.AnvilResource;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/** Reads the anvil node directly, as any ERC-3643 verifier would: what the chain says, not what we stored. */
public final class TestChain {
    private static final HttpService SERVICE = EvmNodes.service(AnvilResource.rpcUrl());
    private static final Web3j WEB3J = Web3j.build(SERVICE);

    private TestChain() {}

    @SuppressWarnings("rawtypes")
    public static List<Type> view(String contract, Function function) {
        try {
            String answer = WEB3J.ethCall(
                            Transaction.createEthCallTransaction(null, contract, FunctionEncoder.encode(function)),
                            DefaultBlockParameterName.LATEST)
                    .send()
                    .getValue();
            return FunctionReturnDecoder.decode(answer, function.getOutputParameters());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean isTrue(String contract, Function function) {
        return (Boolean) view(contract, function).get(0).getValue();
    }

    public static String identityOf(String factory, String wallet) {
        return view(factory, ContractCalls.getIdentity(wallet)).get(0).toString();
    }

    /** Whether the identity's stored claim by {@code issuer} on {@code topic} passes the issuer's isClaimValid. */
    public static boolean claimValid(String identity, String issuer, BigInteger topic, byte[] claimId) {
        @SuppressWarnings("rawtypes")
        List<Type> claim = view(identity, ContractCalls.getClaim(claimId));
        if (!issuer.equalsIgnoreCase(claim.get(2).toString())) {
            return false;
        }
        return isTrue(
                issuer,
                ContractCalls.isClaimValid(
                        identity, topic, (byte[]) claim.get(3).getValue(), (byte[])
                                claim.get(4).getValue()));
    }

    public static String newWallet() {
        try {
            return "0x" + Keys.getAddress(Keys.createEcKeyPair());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Pauses anvil's automatic mining ({@code evm_setAutomine false}): transactions wait in its pool, without
     * receipts, until {@link #startMining()} or {@link #mineBlock()}.
     */
    public static void stopMining() {
        rpc("evm_setAutomine", false);
    }

    /**
     * Resumes automatic mining, and mines what waited in the pool meanwhile (block by block: more than a block's
     * gas may wait).
     */
    public static void startMining() {
        rpc("evm_setAutomine", true);
        for (int blocks = 0; blocks < 100 && pendingInPool() > 0; blocks++) {
            mineBlock();
        }
    }

    /** Mines one block with what waits in the pool, while automatic mining is paused. */
    public static void mineBlock() {
        rpc("evm_mine");
    }

    /** How many transactions wait in the node's pool, ready to be mined ({@code txpool_status}). */
    public static long pendingInPool() {
        Object status = rpc("txpool_status");
        if (status instanceof Map<?, ?> map && map.get("pending") instanceof String pending) {
            return Long.decode(pending);
        }
        throw new IllegalStateException("txpool_status: unexpected answer " + status);
    }

    /** Whether transaction {@code txHash} waits in the node's pool, unmined ({@code txpool_content}). */
    public static boolean inPool(String txHash) {
        Object content = rpc("txpool_content");
        if (!(content instanceof Map<?, ?> pools)) {
            throw new IllegalStateException("txpool_content: unexpected answer " + content);
        }
        return pools.values().stream()
                .filter(Map.class::isInstance)
                .flatMap(bySender -> ((Map<?, ?>) bySender).values().stream())
                .filter(Map.class::isInstance)
                .flatMap(byNonce -> ((Map<?, ?>) byNonce).values().stream())
                .filter(Map.class::isInstance)
                .anyMatch(tx -> txHash.equalsIgnoreCase(String.valueOf(((Map<?, ?>) tx).get("hash"))));
    }

    public static BigInteger blockNumber() {
        try {
            return WEB3J.ethBlockNumber().send().getBlockNumber();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Optional<TransactionReceipt> receipt(String txHash) {
        try {
            return WEB3J.ethGetTransactionReceipt(txHash).send().getTransactionReceipt();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The gas price of the mined transaction {@code txHash}, as the chain holds it. */
    public static BigInteger gasPriceOf(String txHash) {
        try {
            return WEB3J.ethGetTransactionByHash(txHash)
                    .send()
                    .getTransaction()
                    .orElseThrow()
                    .getGasPrice();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object rpc(String method, Object... params) {
        try {
            Answer answer = new Request<>(method, List.of(params), SERVICE, Answer.class).send();
            if (answer.hasError()) {
                throw new IllegalStateException(
                        method + ": " + answer.getError().getMessage());
            }
            return answer.getResult();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whatever an anvil-specific method answers. */
    public static class Answer extends Response<Object> {}

    public static BigInteger pendingNonce(String address) {
        try {
            return WEB3J.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING)
                    .send()
                    .getTransactionCount();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
