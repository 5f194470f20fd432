package dev.attest.wallet.aa;

import dev.attest.evm.EvmNodes;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint192;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint48;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;

/**
 * What the ERC-4337 contracts answer, read from the chain rather than computed here: a SimpleAccount's address
 * ({@code factory.getAddress}), an account's nonce in one key's sequence, the hash the owner signs
 * ({@code EntryPoint.getUserOpHash}) and the hash the VerifyingPaymaster's signer approves ({@code getHash}).
 * A node that does not answer is {@link JsonRpcClient.Unavailable}.
 */
@ApplicationScoped
public class AccountContracts {
    private final AaConfig config;
    private volatile Web3j node;
    private volatile Long chainId;

    AccountContracts(AaConfig config) {
        this.config = config;
    }

    /** The SimpleAccount {@code owner} gets from the factory (salt 0), deployed or not. */
    public String accountOf(String owner) {
        return ((Address) call(
                        config.accountFactory().orElseThrow(),
                        "getAddress",
                        List.of(new Address(owner), new Uint256(0)),
                        new TypeReference<Address>() {}))
                .getValue();
    }

    /** The account's next nonce in the sequence of {@code key} (192 bits): key ‖ sequence number. */
    public BigInteger nonce(String sender, BigInteger key) {
        return (BigInteger) call(
                        config.entryPoint().orElseThrow(),
                        "getNonce",
                        List.of(new Address(sender), new Uint192(key)),
                        new TypeReference<Uint256>() {})
                .getValue();
    }

    public boolean isDeployed(String address) {
        String code = io(() -> node().ethGetCode(address, DefaultBlockParameterName.LATEST)
                .send()
                .getCode());
        return code != null && !code.equals("0x");
    }

    public byte[] userOpHash(UserOperation op) {
        return ((Bytes32) call(
                        config.entryPoint().orElseThrow(),
                        "getUserOpHash",
                        List.of(op.packed()),
                        new TypeReference<Bytes32>() {}))
                .getValue();
    }

    /** The hash the VerifyingPaymaster's signer signs for {@code op} over the validity window. */
    public byte[] paymasterHash(String paymaster, UserOperation op, long validUntil, long validAfter) {
        return ((Bytes32) call(
                        paymaster,
                        "getHash",
                        List.of(op.packed(), new Uint48(validUntil), new Uint48(validAfter)),
                        new TypeReference<Bytes32>() {}))
                .getValue();
    }

    public BigInteger gasPrice() {
        return io(() -> node().ethGasPrice().send().getGasPrice());
    }

    /** The chain's id, asked once. */
    public long chainId() {
        if (chainId == null) {
            chainId = io(() -> node().ethChainId().send().getChainId().longValueExact());
        }
        return chainId;
    }

    @SuppressWarnings("rawtypes")
    private Type call(String contract, String name, List<Type> inputs, TypeReference<?> output) {
        Function function = new Function(name, inputs, List.of(output));
        String answer = io(() -> node().ethCall(
                        Transaction.createEthCallTransaction(null, contract, FunctionEncoder.encode(function)),
                        DefaultBlockParameterName.LATEST)
                .send()
                .getValue());
        @SuppressWarnings("unchecked")
        List<Type> decoded = FunctionReturnDecoder.decode(answer, function.getOutputParameters());
        if (decoded.isEmpty()) {
            throw new IllegalStateException(name + " on " + contract + " answered nothing: is the contract deployed?");
        }
        return decoded.get(0);
    }

    private Web3j node() {
        if (node == null) {
            synchronized (this) {
                if (node == null) {
                    node = EvmNodes.connect(config.rpcUrl());
                }
            }
        }
        return node;
    }

    @PreDestroy
    void close() {
        if (node != null) {
            node.shutdown();
        }
    }

    private interface Io<T> {
        T get() throws IOException;
    }

    private static <T> T io(Io<T> call) {
        try {
            return call.get();
        } catch (IOException e) {
            throw new JsonRpcClient.Unavailable("the EVM node did not answer", e);
        }
    }
}
