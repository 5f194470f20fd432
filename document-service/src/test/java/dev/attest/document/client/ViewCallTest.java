package dev.attest.document.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;

/** Lit evmContract calls as ABI: the selector and arguments web3j encodes, and the output a key names. */
class ViewCallTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUER = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

    @Test
    void theCallDataIsTheSelectorOfTheSignatureAndTheEncodedArguments() throws Exception {
        ViewCall call = ViewCall.of(
                JSON.readTree("{\"name\":\"isClaimValid\",\"type\":\"function\",\"stateMutability\":\"view\","
                        + "\"inputs\":[{\"type\":\"address\"},{\"type\":\"uint256\"},{\"type\":\"bytes\"},"
                        + "{\"type\":\"bytes\"}],\"outputs\":[{\"type\":\"bool\"}]}"),
                JSON.readTree("[\"" + ISSUER + "\",\"1\",\"0x01\",\"0x\"]"));

        String selector =
                Hash.sha3String("isClaimValid(address,uint256,bytes,bytes)").substring(0, 10);
        assertThat(call.callData()).startsWith(selector).hasSize(10 + 64 * 7);
    }

    @Test
    void theKeyNamesOneOutputOfSeveralAndAddressesReadInLowerCase() throws Exception {
        ViewCall getClaim = ViewCall.of(getClaimAbi(), JSON.readTree("[\"0x" + "ab".repeat(32) + "\"]"));
        String answer = "0x"
                + FunctionEncoder.encodeConstructor(List.of(
                        new Uint256(BigInteger.ONE),
                        new Uint256(BigInteger.ONE),
                        new Address(ISSUER),
                        new DynamicBytes(new byte[65]),
                        new DynamicBytes(new byte[] {1}),
                        new Utf8String("")));

        assertThat(getClaim.read(answer, "issuer")).contains(ISSUER.toLowerCase());
        assertThat(getClaim.read(answer, "topic")).contains("1");
        assertThat(getClaim.read(answer, ""))
                .as("several outputs: the key must name one")
                .isEmpty();
        assertThat(getClaim.read("0x", "issuer")).as("no contract answered").isEmpty();
    }

    @Test
    void argumentsAndOutputsOutsideTheElementaryTypesAreRefused() throws Exception {
        JsonNode arrays = JSON.readTree("{\"name\":\"getClaimIdsByTopic\",\"type\":\"function\","
                + "\"stateMutability\":\"view\",\"inputs\":[{\"type\":\"uint256\"}],"
                + "\"outputs\":[{\"type\":\"bytes32[]\"}]}");
        assertThatThrownBy(() -> ViewCall.of(arrays, JSON.readTree("[\"1\"]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bytes32[]");
        assertThatThrownBy(() -> ViewCall.of(getClaimAbi(), JSON.readTree("[\":userAddress\"]")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ViewCall.of(
                        JSON.readTree(
                                "{\"name\":\"f\",\"stateMutability\":\"view\",\"inputs\":[{\"type\":\"uint256\"}],"
                                        + "\"outputs\":[{\"type\":\"bool\"}]}"),
                        JSON.readTree("[\"" + BigInteger.TWO.pow(256) + "\"]")))
                .as("above 2^256 - 1")
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonNode getClaimAbi() throws Exception {
        return JSON.readTree("{\"name\":\"getClaim\",\"type\":\"function\",\"stateMutability\":\"view\","
                + "\"inputs\":[{\"name\":\"_claimId\",\"type\":\"bytes32\"}],\"outputs\":["
                + "{\"name\":\"topic\",\"type\":\"uint256\"},{\"name\":\"scheme\",\"type\":\"uint256\"},"
                + "{\"name\":\"issuer\",\"type\":\"address\"},{\"name\":\"signature\",\"type\":\"bytes\"},"
                + "{\"name\":\"data\",\"type\":\"bytes\"},{\"name\":\"uri\",\"type\":\"string\"}]}");
    }
}
