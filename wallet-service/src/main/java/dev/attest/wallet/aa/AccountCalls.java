package dev.attest.wallet.aa;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/**
 * The calls a sponsored operation may make, in one place both ways: SimpleAccount's {@code execute(to, value, data)}
 * moving the native asset (empty data) or calling a token's {@code transfer(recipient, amount)}; the account's
 * creation by the factory. Anything else a paymaster is asked to pay for is not a transfer, and refused.
 */
public final class AccountCalls {
    private static final Function EXECUTE_SHAPE = new Function(
            "execute",
            List.of(),
            List.of(
                    new TypeReference<Address>() {},
                    new TypeReference<Uint256>() {},
                    new TypeReference<DynamicBytes>() {}));
    private static final Function TRANSFER_SHAPE = new Function(
            "transfer", List.of(), List.of(new TypeReference<Address>() {}, new TypeReference<Uint256>() {}));
    private static final byte[] EXECUTE = selector("execute(address,uint256,bytes)");
    private static final byte[] TRANSFER = selector("transfer(address,uint256)");

    private AccountCalls() {}

    /** What a transfer moves: the native asset (no contract) or a token's units, to an address. */
    public record Movement(String to, BigInteger amount, Optional<String> contract) {}

    public static byte[] execute(Movement movement) {
        return movement.contract()
                .map(token -> encode(
                        "execute",
                        new Address(token),
                        new Uint256(0),
                        new DynamicBytes(
                                encode("transfer", new Address(movement.to()), new Uint256(movement.amount())))))
                .orElseGet(() -> encode(
                        "execute",
                        new Address(movement.to()),
                        new Uint256(movement.amount()),
                        new DynamicBytes(new byte[0])));
    }

    public static byte[] createAccount(String owner) {
        return encode("createAccount", new Address(owner), new Uint256(0));
    }

    /**
     * The movement {@code callData} makes, as {@link #execute} encodes it; {@link IllegalArgumentException} for any
     * other call (another function, a token call other than {@code transfer}, value sent with a token call,
     * malformed ABI).
     */
    @SuppressWarnings("rawtypes")
    public static Movement movementOf(byte[] callData) {
        List<Type> execute = decode(
                callData, EXECUTE, EXECUTE_SHAPE, "callData is not the account's execute(address,uint256,bytes)");
        String target = ((Address) execute.get(0)).getValue();
        BigInteger value = ((Uint256) execute.get(1)).getValue();
        byte[] data = ((DynamicBytes) execute.get(2)).getValue();
        if (data.length == 0) {
            return new Movement(target, value, Optional.empty());
        }
        if (value.signum() != 0) {
            throw new IllegalArgumentException("callData sends value along with a token call");
        }
        List<Type> transfer =
                decode(data, TRANSFER, TRANSFER_SHAPE, "callData's call is not a token transfer(address,uint256)");
        return new Movement(
                ((Address) transfer.get(0)).getValue(), ((Uint256) transfer.get(1)).getValue(), Optional.of(target));
    }

    @SuppressWarnings("rawtypes")
    private static List<Type> decode(byte[] call, byte[] selector, Function shape, String refusal) {
        if (call.length < 4 || !Arrays.equals(Arrays.copyOf(call, 4), selector)) {
            throw new IllegalArgumentException(refusal);
        }
        List<Type> decoded;
        try {
            decoded = FunctionReturnDecoder.decode(
                    Numeric.toHexString(Arrays.copyOfRange(call, 4, call.length)), shape.getOutputParameters());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(refusal);
        }
        if (decoded.size() != shape.getOutputParameters().size()
                || !Arrays.equals(call, reencode(shape.getName(), decoded))) {
            throw new IllegalArgumentException(refusal); // trailing or non-canonical bytes: not what we would encode
        }
        return decoded;
    }

    @SuppressWarnings("rawtypes")
    private static byte[] reencode(String name, List<Type> decoded) {
        return encode(name, decoded.toArray(Type[]::new));
    }

    @SuppressWarnings("rawtypes")
    private static byte[] encode(String name, Type... inputs) {
        return Numeric.hexStringToByteArray(FunctionEncoder.encode(new Function(name, List.of(inputs), List.of())));
    }

    private static byte[] selector(String signature) {
        return Arrays.copyOf(
                org.web3j.crypto.Hash.sha3(signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 4);
    }
}
