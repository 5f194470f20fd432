package dev.attest.sandbox.support;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.web3j.utils.Numeric;

/**
 * The smallest ERC-20 the asset listing can find, as EVM bytecode (no compiler in this module): its
 * constructor credits {@code supply} to {@code holder} and emits {@code Transfer(0x0, holder, supply)}, as
 * every ERC-20 does on mint; it answers {@code balanceOf(address)}, {@code decimals()} and
 * {@code symbol()}. It cannot move tokens: the transfers of a real token are tested in wallet-service
 * with OpenZeppelin's.
 */
public final class TestToken {
    private static final String TRANSFER_TOPIC = "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    private TestToken() {}

    /** Creation code: constructor, then the runtime code it returns. */
    public static String creationCode(String holder, BigInteger supply, String symbol, int decimals) {
        byte[] runtime = runtime(symbol, decimals);
        Assembler init = new Assembler();
        byte[] holderWord = word(Numeric.toBigInt(holder));
        byte[] supplyWord = word(supply);
        init.push(supplyWord).push(holderWord).op(0x55); // SSTORE(holder, supply)
        init.push(supplyWord).push(0).op(0x52); // MSTORE(0, supply)
        init.push(holderWord).push(0).push(Numeric.hexStringToByteArray(TRANSFER_TOPIC));
        init.push(32).push(0).op(0xa3); // LOG3(0, 32, Transfer, from 0x0, to holder)
        int initLength = init.size() + 2 + 3 + 2 + 1 + 2 + 2 + 1; // the copy-and-return tail below
        init.push(runtime.length).push2(initLength).push(0).op(0x39); // CODECOPY(0, initLength, runtime.length)
        init.push(runtime.length).push(0).op(0xf3); // RETURN(0, runtime.length)
        if (init.size() != initLength) {
            throw new IllegalStateException("constructor length miscounted");
        }
        return Numeric.toHexString(init.bytes()) + Numeric.toHexStringNoPrefix(runtime);
    }

    private static byte[] runtime(String symbol, int decimals) {
        byte[] symbolBytes = symbol.getBytes(StandardCharsets.UTF_8);
        byte[] symbolWord = new byte[32];
        System.arraycopy(symbolBytes, 0, symbolWord, 0, symbolBytes.length);
        Assembler code = new Assembler();
        code.push(0).op(0x35).push(0xe0).op(0x1c); // selector = CALLDATALOAD(0) >> 224
        code.op(0x80).push(Numeric.hexStringToByteArray("70a08231")).op(0x14).jumpi("balanceOf");
        code.op(0x80).push(Numeric.hexStringToByteArray("313ce567")).op(0x14).jumpi("decimals");
        code.op(0x80).push(Numeric.hexStringToByteArray("95d89b41")).op(0x14).jumpi("symbol");
        code.push(0).op(0x80).op(0xfd); // REVERT(0, 0)
        code.label("balanceOf").push(4).op(0x35).op(0x54).push(0).op(0x52); // MSTORE(0, SLOAD(arg))
        code.push(32).push(0).op(0xf3);
        code.label("decimals").push(decimals).push(0).op(0x52);
        code.push(32).push(0).op(0xf3);
        code.label("symbol").push(32).push(0).op(0x52); // ABI string: offset, length, bytes
        code.push(symbolBytes.length).push(32).op(0x52);
        code.push(symbolWord).push(64).op(0x52);
        code.push(96).push(0).op(0xf3);
        return code.bytes();
    }

    private static byte[] word(BigInteger value) {
        return Numeric.toBytesPadded(value, 32);
    }

    /** Opcodes, pushes and one-byte jump labels (the runtime code is shorter than 256 bytes). */
    private static final class Assembler {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final Map<String, Integer> labels = new HashMap<>();
        private final Map<Integer, String> jumps = new HashMap<>();

        Assembler op(int opcode) {
            out.write(opcode);
            return this;
        }

        Assembler push(int value) {
            return push(new byte[] {(byte) value});
        }

        Assembler push2(int value) {
            return push(new byte[] {(byte) (value >> 8), (byte) value});
        }

        Assembler push(byte[] value) {
            out.write(0x5f + value.length); // PUSH1..PUSH32
            out.writeBytes(value);
            return this;
        }

        Assembler jumpi(String label) {
            out.write(0x60);
            jumps.put(out.size(), label);
            out.write(0);
            return op(0x57);
        }

        Assembler label(String name) {
            labels.put(name, out.size());
            return op(0x5b); // JUMPDEST
        }

        int size() {
            return out.size();
        }

        byte[] bytes() {
            byte[] code = out.toByteArray();
            jumps.forEach((at, label) -> code[at] = (byte) (int) labels.get(label));
            return code;
        }
    }
}
