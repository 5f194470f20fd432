package dev.attest.wallet.aa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import org.web3j.utils.Numeric;

/**
 * A paymaster service of someone else's (Base's, Pimlico's, ...) speaking ERC-7677 at a URL, with the project's API
 * key as a bearer token when it has one. Its refusal (a JSON-RPC error) is the project's refusal, its message kept.
 */
final class ExternalPaymaster implements Paymaster {
    static final String KIND = "external";

    private final ObjectMapper json;
    private final JsonRpcClient rpc;
    private final String entryPoint;
    private final AaConfig config;

    ExternalPaymaster(ObjectMapper json, AaConfig config, String url, Optional<String> apiKey) {
        this.json = json;
        this.config = config;
        this.rpc = new JsonRpcClient(json, url, apiKey, config.requestTimeout());
        this.entryPoint = config.entryPoint().orElseThrow();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Fields stubData(UserOperation op, long chainId) {
        return fields(ask("pm_getPaymasterStubData", op, chainId));
    }

    @Override
    public Fields data(UserOperation op, long chainId) {
        return fields(ask("pm_getPaymasterData", op, chainId));
    }

    private JsonNode ask(String method, UserOperation op, long chainId) {
        try {
            return rpc.call(
                    method,
                    op.toRpc(json),
                    json.getNodeFactory().textNode(entryPoint),
                    json.getNodeFactory().textNode(Numeric.toHexStringWithPrefix(BigInteger.valueOf(chainId))),
                    json.createObjectNode());
        } catch (JsonRpcClient.RpcError e) {
            throw new SponsorshipRefusedException(
                    422, "sponsorship-refused", "The paymaster refused: " + e.getMessage());
        }
    }

    private Fields fields(JsonNode answer) {
        String paymaster = answer.path("paymaster").asText("");
        String data = answer.path("paymasterData").asText("");
        if (!paymaster.matches("0x[0-9a-fA-F]{40}") || !data.matches("0x([0-9a-fA-F]{2})*")) {
            throw new JsonRpcClient.Unavailable("the paymaster's answer is not ERC-7677's", null);
        }
        return new Fields(
                paymaster,
                Numeric.hexStringToByteArray(data),
                optionalQuantity(answer, "paymasterVerificationGasLimit"),
                optionalQuantity(answer, "paymasterPostOpGasLimit"),
                Instant.now().plus(config.approvalValidity()));
    }

    private static BigInteger optionalQuantity(JsonNode answer, String field) {
        String value = answer.path(field).asText("");
        return value.matches("0x[0-9a-fA-F]{1,32}") ? Numeric.toBigInt(value) : null;
    }
}
