package dev.attest.document.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/**
 * A contract's view function called with given arguments, as a Lit {@code evmContract} condition names it
 * ({@code functionAbi}, {@code functionParams}): its call data, ABI-encoded with web3j, and one of its outputs read
 * back as text (what {@code returnValueTest} compares). Only elementary types are taken (address, bool, uint256,
 * bytes32, bytes, string), which is what OnchainID's claim checks use ({@code ClaimIssuer.isClaimValid},
 * {@code Identity.getClaim}); a shape outside them is an {@link IllegalArgumentException} naming what is wrong.
 */
public final class ViewCall {
    private static final Pattern ADDRESS = Pattern.compile("^0x[0-9a-fA-F]{40}$");
    private static final Pattern BYTES32 = Pattern.compile("^0x[0-9a-fA-F]{64}$");
    private static final Pattern BYTES = Pattern.compile("^0x([0-9a-fA-F]{2}){0,2048}$");
    private static final Pattern UINT = Pattern.compile("^[0-9]{1,78}$");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,63}$");
    private static final List<String> TYPES = List.of("address", "bool", "uint256", "bytes32", "bytes", "string");
    private static final int MAX_ARGUMENTS = 8;

    /** One output of the function: its name (may be empty) and type. */
    public record Output(String name, String type) {}

    private final String name;
    private final List<Type> arguments;
    private final List<Output> outputs;

    private ViewCall(String name, List<Type> arguments, List<Output> outputs) {
        this.name = name;
        this.arguments = arguments;
        this.outputs = outputs;
    }

    /** The call {@code abi} (one function's ABI entry) with {@code params} (texts, as Lit writes them) describes. */
    public static ViewCall of(JsonNode abi, JsonNode params) {
        String name = abi.path("name").asText();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("functionAbi has no valid name");
        }
        if (!"function".equals(abi.path("type").asText("function"))
                || !List.of("view", "pure").contains(abi.path("stateMutability").asText())) {
            throw new IllegalArgumentException("functionAbi must be a view or pure function");
        }
        JsonNode inputs = abi.path("inputs");
        if (!inputs.isArray() || inputs.size() > MAX_ARGUMENTS) {
            throw new IllegalArgumentException("functionAbi takes at most " + MAX_ARGUMENTS + " inputs");
        }
        if (!params.isArray() || params.size() != inputs.size()) {
            throw new IllegalArgumentException("functionParams must give one value for each input");
        }
        List<Type> arguments = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            arguments.add(argument(inputs.get(i).path("type").asText(), params.get(i), i));
        }
        JsonNode outputsAbi = abi.path("outputs");
        if (!outputsAbi.isArray() || outputsAbi.isEmpty() || outputsAbi.size() > MAX_ARGUMENTS) {
            throw new IllegalArgumentException("functionAbi returns 1 to " + MAX_ARGUMENTS + " outputs");
        }
        List<Output> outputs = new ArrayList<>();
        for (JsonNode output : outputsAbi) {
            String type = output.path("type").asText();
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException("output type " + type + " is not one of " + TYPES);
            }
            outputs.add(new Output(output.path("name").asText(""), type));
        }
        return new ViewCall(name, List.copyOf(arguments), List.copyOf(outputs));
    }

    public String name() {
        return name;
    }

    /**
     * The output {@code key} names, as Lit's {@code returnValueTest.key} does: empty for a function of one output,
     * else an output's name.
     */
    public Optional<Output> output(String key) {
        if (key.isEmpty()) {
            return outputs.size() == 1 ? Optional.of(outputs.get(0)) : Optional.empty();
        }
        return outputs.stream().filter(o -> o.name().equals(key)).findFirst();
    }

    /** The call data: the function's selector and its ABI-encoded arguments, 0x-hex. */
    public String callData() {
        return FunctionEncoder.encode(new Function(name, arguments, List.of()));
    }

    /**
     * Output {@code key} of the encoded {@code result}, as text: an address or bytes in lower-case 0x-hex, a number
     * in decimal, a bool as {@code true}/{@code false}. Empty when the result does not decode as the outputs.
     */
    public Optional<String> read(String result, String key) {
        Optional<Output> wanted = output(key);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        List<TypeReference<Type>> types = new ArrayList<>();
        try {
            for (Output output : outputs) {
                types.add(TypeReference.makeTypeReference(output.type()));
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        List<Type> values;
        try {
            values = FunctionReturnDecoder.decode(result, types);
        } catch (RuntimeException e) {
            return Optional.empty(); // not what the ABI says (no contract there, another function): undecidable
        }
        if (values.size() != outputs.size()) {
            return Optional.empty();
        }
        return Optional.of(text(values.get(outputs.indexOf(wanted.get()))));
    }

    /** Whether {@code value} is a text an output of {@code type} can be compared with. */
    public static boolean comparable(String type, String value) {
        return switch (type) {
            case "address" -> ADDRESS.matcher(value).matches();
            case "bool" -> value.equals("true") || value.equals("false");
            case "uint256" -> UINT.matcher(value).matches();
            case "bytes32" -> BYTES32.matcher(value).matches();
            case "bytes" -> BYTES.matcher(value).matches();
            case "string" -> value.length() <= 256;
            default -> false;
        };
    }

    private static Type argument(String type, JsonNode param, int index) {
        String value = param.isTextual() || param.isNumber() || param.isBoolean() ? param.asText() : "";
        if (!TYPES.contains(type) || !comparable(type, value)) {
            throw new IllegalArgumentException(
                    "functionParams[" + index + "] is not a value of type " + type + " (one of " + TYPES + ")");
        }
        try {
            return switch (type) {
                case "address" -> new Address(value);
                case "bool" -> new Bool(Boolean.parseBoolean(value));
                case "uint256" -> new Uint256(new BigInteger(value));
                case "bytes32" -> new Bytes32(Numeric.hexStringToByteArray(value));
                case "bytes" -> new DynamicBytes(Numeric.hexStringToByteArray(value));
                default -> new Utf8String(value);
            };
        } catch (RuntimeException e) { // a number above 2^256 - 1
            throw new IllegalArgumentException("functionParams[" + index + "] does not fit type " + type);
        }
    }

    private static String text(Type value) {
        Object raw = value.getValue();
        if (raw instanceof byte[] bytes) {
            return Numeric.toHexString(bytes);
        }
        if (value instanceof Address address) {
            return address.getValue().toLowerCase();
        }
        return raw.toString();
    }
}
