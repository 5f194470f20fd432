package dev.attest.sandbox.dfns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.testing.BundlerResource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint192;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint48;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.utils.Numeric;

/**
 * ERC-4337 v0.7 from the outside, as part 2's wallet-service will do it: a SimpleAccount's counterfactual address,
 * a first UserOperation that deploys it, gas estimated by the bundler with stub signatures, the VerifyingPaymaster's
 * approval (its {@code getHash}, signed with the paymaster's key as a paymaster service does), the EntryPoint's
 * {@code getUserOpHash}, and the bundler's JSON-RPC. ABI through web3j; nothing here is computed that a contract
 * can answer.
 */
final class SponsoredUserOperations {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // alto answers HTTP/1.1 only
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    // A well-formed signature by a throwaway key: it recovers to some address, so the account and the paymaster
    // answer "signature failed" during estimation instead of reverting, as ERC-7677's stub data intends.
    private static final byte[] STUB_SIGNATURE = encode(Sign.signMessage(
            Hash.sha3(new byte[1]), Credentials.create("0x" + "11".repeat(32)).getEcKeyPair(), false));

    private final Web3j node;
    private final String bundler;
    private final BundlerResource.Contracts contracts;

    SponsoredUserOperations(Web3j node, String bundler, BundlerResource.Contracts contracts) {
        this.node = node;
        this.bundler = bundler;
        this.contracts = contracts;
    }

    /** A v0.7 UserOperation, its fields as {@code eth_sendUserOperation} takes them. */
    static final class UserOperation {
        String sender;
        BigInteger nonce;
        String factory;
        byte[] factoryData;
        byte[] callData;
        BigInteger callGasLimit = BigInteger.ZERO;
        BigInteger verificationGasLimit = BigInteger.ZERO;
        BigInteger preVerificationGas = BigInteger.ZERO;
        BigInteger maxFeePerGas;
        BigInteger maxPriorityFeePerGas;
        String paymaster;
        BigInteger paymasterVerificationGasLimit = BigInteger.ZERO;
        BigInteger paymasterPostOpGasLimit = BigInteger.ZERO;
        byte[] paymasterData = new byte[0];
        byte[] signature = STUB_SIGNATURE;

        /** The PackedUserOperation struct the EntryPoint and the paymaster hash. */
        DynamicStruct packed() {
            return new DynamicStruct(
                    new Address(sender),
                    new Uint256(nonce),
                    new DynamicBytes(concat(Numeric.hexStringToByteArray(factory), factoryData)),
                    new DynamicBytes(callData),
                    new Bytes32(concat(uint128(verificationGasLimit), uint128(callGasLimit))),
                    new Uint256(preVerificationGas),
                    new Bytes32(concat(uint128(maxPriorityFeePerGas), uint128(maxFeePerGas))),
                    new DynamicBytes(concat(
                            Numeric.hexStringToByteArray(paymaster),
                            uint128(paymasterVerificationGasLimit),
                            uint128(paymasterPostOpGasLimit),
                            paymasterData)),
                    new DynamicBytes(signature));
        }

        ObjectNode toRpc() {
            ObjectNode json = DfnsJson.object();
            json.put("sender", sender);
            json.put("nonce", Numeric.toHexStringWithPrefix(nonce));
            json.put("factory", factory);
            json.put("factoryData", Numeric.toHexString(factoryData));
            json.put("callData", Numeric.toHexString(callData));
            json.put("callGasLimit", Numeric.toHexStringWithPrefix(callGasLimit));
            json.put("verificationGasLimit", Numeric.toHexStringWithPrefix(verificationGasLimit));
            json.put("preVerificationGas", Numeric.toHexStringWithPrefix(preVerificationGas));
            json.put("maxFeePerGas", Numeric.toHexStringWithPrefix(maxFeePerGas));
            json.put("maxPriorityFeePerGas", Numeric.toHexStringWithPrefix(maxPriorityFeePerGas));
            json.put("paymaster", paymaster);
            json.put("paymasterVerificationGasLimit", Numeric.toHexStringWithPrefix(paymasterVerificationGasLimit));
            json.put("paymasterPostOpGasLimit", Numeric.toHexStringWithPrefix(paymasterPostOpGasLimit));
            json.put("paymasterData", Numeric.toHexString(paymasterData));
            json.put("signature", Numeric.toHexString(signature));
            return json;
        }
    }

    /** The SimpleAccount {@code owner} gets from the factory (salt 0), before it is deployed. */
    String accountOf(String owner) {
        return ((Address) call(
                        contracts.accountFactory(),
                        "getAddress",
                        List.of(new Address(owner), new Uint256(0)),
                        new TypeReference<Address>() {}))
                .getValue();
    }

    /** The first UserOperation of {@code owner}'s account: deploys it and calls {@code execute(to, value, "")}. */
    UserOperation firstOperation(String owner, String to, BigInteger value) {
        UserOperation op = new UserOperation();
        op.sender = accountOf(owner);
        op.nonce = (BigInteger) call(
                        contracts.entryPoint(),
                        "getNonce",
                        List.of(new Address(op.sender), new Uint192(0)),
                        new TypeReference<Uint256>() {})
                .getValue();
        op.factory = contracts.accountFactory();
        op.factoryData = encode("createAccount", new Address(owner), new Uint256(0));
        op.callData = encode("execute", new Address(to), new Uint256(value), new DynamicBytes(new byte[0]));
        BigInteger gasPrice = io(() -> node.ethGasPrice().send().getGasPrice());
        op.maxPriorityFeePerGas = gasPrice;
        op.maxFeePerGas = gasPrice.multiply(BigInteger.TWO);
        op.paymaster = contracts.paymaster();
        return op;
    }

    /**
     * What the platform's paymaster service does (ERC-7677's stub data, then the data): gas estimated by the bundler
     * with stub signatures, then the paymaster's signature over the operation with those gas values, valid 10 minutes.
     */
    void sponsor(UserOperation op, String paymasterKey) {
        long validUntil = Instant.now().plusSeconds(600).getEpochSecond();
        op.paymasterData = concat(validity(validUntil), STUB_SIGNATURE);
        JsonNode estimate = rpc("eth_estimateUserOperationGas", op.toRpc());
        JsonNode gas = estimate.get("result");
        if (gas == null) {
            throw new IllegalStateException("the bundler could not estimate the operation: " + estimate);
        }
        op.callGasLimit = quantity(gas, "callGasLimit");
        op.verificationGasLimit = quantity(gas, "verificationGasLimit");
        op.preVerificationGas = quantity(gas, "preVerificationGas");
        op.paymasterVerificationGasLimit = quantity(gas, "paymasterVerificationGasLimit");
        op.paymasterPostOpGasLimit = quantity(gas, "paymasterPostOpGasLimit");
        byte[] hash = ((Bytes32) call(
                        contracts.paymaster(),
                        "getHash",
                        List.of(op.packed(), new Uint48(validUntil), new Uint48(0)),
                        new TypeReference<Bytes32>() {}))
                .getValue();
        byte[] approval = encode(
                Sign.signPrefixedMessage(hash, Credentials.create(paymasterKey).getEcKeyPair()));
        op.paymasterData = concat(validity(validUntil), approval);
    }

    /** The hash the account's owner signs (EIP-191 prefixed, as SimpleAccount recovers it). */
    byte[] userOpHash(UserOperation op) {
        return ((Bytes32) call(
                        contracts.entryPoint(), "getUserOpHash", List.of(op.packed()), new TypeReference<Bytes32>() {}))
                .getValue();
    }

    /** {@code eth_sendUserOperation}'s whole answer: {@code result} (the hash) or {@code error}. */
    JsonNode send(UserOperation op) {
        return rpc("eth_sendUserOperation", op.toRpc());
    }

    /** The receipt of a UserOperation, or null while it is not mined. */
    JsonNode receipt(String userOpHash) {
        JsonNode result = rpcCall(
                        "eth_getUserOperationReceipt",
                        DfnsJson.MAPPER.getNodeFactory().textNode(userOpHash))
                .path("result");
        return result.isObject() ? result : null;
    }

    /** The paymaster's deposit at the EntryPoint, which pays for what it sponsors. */
    BigInteger deposit() {
        return (BigInteger) call(
                        contracts.entryPoint(),
                        "balanceOf",
                        List.of(new Address(contracts.paymaster())),
                        new TypeReference<Uint256>() {})
                .getValue();
    }

    private JsonNode rpc(String method, ObjectNode op) {
        return rpcCall(method, op, DfnsJson.MAPPER.getNodeFactory().textNode(contracts.entryPoint()));
    }

    private JsonNode rpcCall(String method, JsonNode... params) {
        ObjectNode request =
                DfnsJson.object().put("jsonrpc", "2.0").put("id", 1).put("method", method);
        var array = request.putArray("params");
        for (JsonNode param : params) {
            array.add(param);
        }
        HttpRequest http = HttpRequest.newBuilder(URI.create(bundler))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(DfnsJson.write(request)))
                .build();
        String body =
                io(() -> HTTP.send(http, HttpResponse.BodyHandlers.ofString()).body());
        return DfnsJson.parseObject(body);
    }

    @SuppressWarnings("rawtypes")
    private Type call(String contract, String name, List<Type> inputs, TypeReference<?> output) {
        String data = FunctionEncoder.encode(new Function(name, inputs, List.of(output)));
        String answer = io(() -> node.ethCall(
                        Transaction.createEthCallTransaction(null, contract, data), DefaultBlockParameterName.LATEST)
                .send()
                .getValue());
        @SuppressWarnings("unchecked")
        List<Type> decoded =
                FunctionReturnDecoder.decode(answer, new Function(name, inputs, List.of(output)).getOutputParameters());
        if (decoded.isEmpty()) {
            throw new IllegalStateException(name + " on " + contract + " answered " + answer);
        }
        return decoded.get(0);
    }

    private static byte[] encode(String name, Type<?>... inputs) {
        return Numeric.hexStringToByteArray(FunctionEncoder.encode(new Function(name, List.of(inputs), List.of())));
    }

    /** abi.encode(uint48 validUntil, uint48 validAfter = 0): the VerifyingPaymaster's time range. */
    private static byte[] validity(long validUntil) {
        return Numeric.hexStringToByteArray(
                FunctionEncoder.encodeConstructor(List.of(new Uint48(validUntil), new Uint48(0))));
    }

    /** r ‖ s ‖ v, the 65 bytes ECDSA.recover takes. */
    static byte[] encode(Sign.SignatureData signature) {
        return concat(signature.getR(), signature.getS(), signature.getV());
    }

    private static BigInteger quantity(JsonNode json, String field) {
        return Numeric.toBigInt(json.get(field).asText());
    }

    private static byte[] uint128(BigInteger value) {
        return Numeric.toBytesPadded(value, 16);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private interface Io<T> {
        T get() throws IOException, InterruptedException;
    }

    private static <T> T io(Io<T> call) {
        try {
            return call.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
