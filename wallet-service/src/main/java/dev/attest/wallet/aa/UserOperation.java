package dev.attest.wallet.aa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/**
 * An ERC-4337 v0.7 UserOperation, its fields as {@code eth_sendUserOperation} and ERC-7677 take them; {@link #packed()}
 * is the PackedUserOperation the EntryPoint and the paymaster hash.
 */
public final class UserOperation {
    private static final int UINT128_BYTES = 16;
    private static final BigInteger UINT128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    public String sender;
    public BigInteger nonce;
    /** Null once the account is deployed. */
    public String factory;

    public byte[] factoryData = new byte[0];
    public byte[] callData;
    public BigInteger callGasLimit = BigInteger.ZERO;
    public BigInteger verificationGasLimit = BigInteger.ZERO;
    public BigInteger preVerificationGas = BigInteger.ZERO;
    public BigInteger maxFeePerGas;
    public BigInteger maxPriorityFeePerGas;
    public String paymaster;
    public BigInteger paymasterVerificationGasLimit = BigInteger.ZERO;
    public BigInteger paymasterPostOpGasLimit = BigInteger.ZERO;
    public byte[] paymasterData = new byte[0];
    public byte[] signature = new byte[0];

    /**
     * The most the operation can cost whoever pays its gas: every gas limit at {@code maxFeePerGas}. What a
     * sponsorship reserves until the receipt says what it cost.
     */
    public BigInteger maxCost() {
        return callGasLimit
                .add(verificationGasLimit)
                .add(preVerificationGas)
                .add(paymasterVerificationGasLimit)
                .add(paymasterPostOpGasLimit)
                .multiply(maxFeePerGas);
    }

    /** Whether each gas value and fee fits the 128 bits the packed operation gives it. */
    public boolean gasFits() {
        for (BigInteger value : new BigInteger[] {
            callGasLimit,
            verificationGasLimit,
            maxFeePerGas,
            maxPriorityFeePerGas,
            paymasterVerificationGasLimit,
            paymasterPostOpGasLimit
        }) {
            if (value == null || value.signum() < 0 || value.compareTo(UINT128_MAX) > 0) {
                return false;
            }
        }
        return preVerificationGas != null && preVerificationGas.signum() >= 0 && preVerificationGas.bitLength() <= 256;
    }

    public DynamicStruct packed() {
        return new DynamicStruct(
                new Address(sender),
                new Uint256(nonce),
                new DynamicBytes(
                        factory == null ? new byte[0] : concat(Numeric.hexStringToByteArray(factory), factoryData)),
                new DynamicBytes(callData),
                new Bytes32(concat(uint128(verificationGasLimit), uint128(callGasLimit))),
                new Uint256(preVerificationGas),
                new Bytes32(concat(uint128(maxPriorityFeePerGas), uint128(maxFeePerGas))),
                new DynamicBytes(
                        paymaster == null
                                ? new byte[0]
                                : concat(
                                        Numeric.hexStringToByteArray(paymaster),
                                        uint128(paymasterVerificationGasLimit),
                                        uint128(paymasterPostOpGasLimit),
                                        paymasterData)),
                new DynamicBytes(signature));
    }

    /** The JSON-RPC form (ERC-4337 v0.7 bundler API, ERC-7677). */
    public ObjectNode toRpc(ObjectMapper json) {
        ObjectNode rpc = json.createObjectNode();
        rpc.put("sender", sender);
        rpc.put("nonce", quantity(nonce));
        if (factory != null) {
            rpc.put("factory", factory);
            rpc.put("factoryData", Numeric.toHexString(factoryData));
        }
        rpc.put("callData", Numeric.toHexString(callData));
        rpc.put("callGasLimit", quantity(callGasLimit));
        rpc.put("verificationGasLimit", quantity(verificationGasLimit));
        rpc.put("preVerificationGas", quantity(preVerificationGas));
        rpc.put("maxFeePerGas", quantity(maxFeePerGas));
        rpc.put("maxPriorityFeePerGas", quantity(maxPriorityFeePerGas));
        if (paymaster != null) {
            rpc.put("paymaster", paymaster);
            rpc.put("paymasterVerificationGasLimit", quantity(paymasterVerificationGasLimit));
            rpc.put("paymasterPostOpGasLimit", quantity(paymasterPostOpGasLimit));
            rpc.put("paymasterData", Numeric.toHexString(paymasterData));
        }
        rpc.put("signature", Numeric.toHexString(signature));
        return rpc;
    }

    /**
     * An operation from its JSON-RPC form. Throws {@link IllegalArgumentException} naming the field for anything
     * that is not a well-formed v0.7 operation: a missing field, an address that is not 20 bytes, bytes or quantities
     * that are not hex, a gas value beyond 128 bits.
     */
    public static UserOperation fromRpc(JsonNode rpc) {
        if (rpc == null || !rpc.isObject()) {
            throw new IllegalArgumentException("userOp must be an object");
        }
        UserOperation op = new UserOperation();
        op.sender = address(rpc, "sender", true);
        op.nonce = quantity(rpc, "nonce", true);
        op.factory = address(rpc, "factory", false);
        op.factoryData = op.factory == null ? new byte[0] : bytes(rpc, "factoryData");
        op.callData = bytes(rpc, "callData");
        op.callGasLimit = quantity(rpc, "callGasLimit", false);
        op.verificationGasLimit = quantity(rpc, "verificationGasLimit", false);
        op.preVerificationGas = quantity(rpc, "preVerificationGas", false);
        op.maxFeePerGas = quantity(rpc, "maxFeePerGas", true);
        op.maxPriorityFeePerGas = quantity(rpc, "maxPriorityFeePerGas", true);
        op.paymaster = address(rpc, "paymaster", false);
        op.paymasterVerificationGasLimit = quantity(rpc, "paymasterVerificationGasLimit", false);
        op.paymasterPostOpGasLimit = quantity(rpc, "paymasterPostOpGasLimit", false);
        op.paymasterData = rpc.hasNonNull("paymasterData") ? bytes(rpc, "paymasterData") : new byte[0];
        op.signature = rpc.hasNonNull("signature") ? bytes(rpc, "signature") : new byte[0];
        if (!op.gasFits()) {
            throw new IllegalArgumentException("a gas value or fee exceeds 128 bits");
        }
        return op;
    }

    private static String address(JsonNode rpc, String field, boolean required) {
        JsonNode value = rpc.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException(field + " is required");
            }
            return null;
        }
        String text = value.asText();
        if (!value.isTextual() || !text.matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException(field + " must be a 20-byte hex address");
        }
        return text;
    }

    private static byte[] bytes(JsonNode rpc, String field) {
        JsonNode value = rpc.get(field);
        if (value == null || !value.isTextual() || !value.asText().matches("0x([0-9a-fA-F]{2})*")) {
            throw new IllegalArgumentException(field + " must be 0x-prefixed hex bytes");
        }
        return Numeric.hexStringToByteArray(value.asText());
    }

    private static BigInteger quantity(JsonNode rpc, String field, boolean required) {
        JsonNode value = rpc.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException(field + " is required");
            }
            return BigInteger.ZERO;
        }
        if (!value.isTextual() || !value.asText().matches("0x[0-9a-fA-F]{1,64}")) {
            throw new IllegalArgumentException(field + " must be a hex quantity of at most 256 bits");
        }
        return Numeric.toBigInt(value.asText());
    }

    private static String quantity(BigInteger value) {
        return Numeric.toHexStringWithPrefix(value);
    }

    private static byte[] uint128(BigInteger value) {
        return Numeric.toBytesPadded(value, UINT128_BYTES);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
