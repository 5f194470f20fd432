package dev.attest.identity;

import dev.attest.identity.client.ContractCalls;
import dev.attest.testing.GanacheResource;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.http.HttpService;

/** Reads the ganache node directly, as any ERC-3643 verifier would: what the chain says, not what we stored. */
final class TestChain {
    private static final Web3j WEB3J = Web3j.build(new HttpService(GanacheResource.rpcUrl()));

    private TestChain() {}

    @SuppressWarnings("rawtypes")
    static List<Type> view(String contract, Function function) {
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

    static boolean isTrue(String contract, Function function) {
        return (Boolean) view(contract, function).get(0).getValue();
    }

    static String identityOf(String factory, String wallet) {
        return view(factory, ContractCalls.getIdentity(wallet)).get(0).toString();
    }

    /** Whether the identity's stored claim by {@code issuer} on {@code topic} passes the issuer's isClaimValid. */
    static boolean claimValid(String identity, String issuer, BigInteger topic, byte[] claimId) {
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

    static String newWallet() {
        try {
            return "0x" + Keys.getAddress(Keys.createEcKeyPair());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static BigInteger pendingNonce(String address) {
        try {
            return WEB3J.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING)
                    .send()
                    .getTransactionCount();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
