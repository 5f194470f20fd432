package dev.attest.wallet.aa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.Optional;
import org.web3j.utils.Numeric;

/** The ERC-4337 bundler's JSON-RPC: gas estimation, sending, receipts. */
@ApplicationScoped
public class Bundler {
    private final AaConfig config;
    private final ObjectMapper json;
    private volatile JsonRpcClient client;

    Bundler(AaConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** The gas values the bundler estimated for an operation carrying stub signatures. */
    public record GasEstimate(
            BigInteger callGasLimit,
            BigInteger verificationGasLimit,
            BigInteger preVerificationGas,
            BigInteger paymasterVerificationGasLimit,
            BigInteger paymasterPostOpGasLimit) {
        void applyTo(UserOperation op) {
            op.callGasLimit = callGasLimit;
            op.verificationGasLimit = verificationGasLimit;
            op.preVerificationGas = preVerificationGas;
            if (paymasterVerificationGasLimit != null) {
                op.paymasterVerificationGasLimit = paymasterVerificationGasLimit;
            }
            if (paymasterPostOpGasLimit != null) {
                op.paymasterPostOpGasLimit = paymasterPostOpGasLimit;
            }
        }
    }

    /** What a mined operation did: whether its call succeeded, and what its gas cost the paymaster. */
    public record Receipt(boolean success, BigInteger actualGasCost, String txHash, String reason) {}

    public GasEstimate estimate(UserOperation op) {
        JsonNode gas = rpc().call("eth_estimateUserOperationGas", op.toRpc(json), entryPoint());
        return new GasEstimate(
                quantity(gas, "callGasLimit"),
                quantity(gas, "verificationGasLimit"),
                quantity(gas, "preVerificationGas"),
                gas.hasNonNull("paymasterVerificationGasLimit") ? quantity(gas, "paymasterVerificationGasLimit") : null,
                gas.hasNonNull("paymasterPostOpGasLimit") ? quantity(gas, "paymasterPostOpGasLimit") : null);
    }

    /** Sends the signed operation; its hash as the bundler computed it. */
    public String send(UserOperation op) {
        return rpc().call("eth_sendUserOperation", op.toRpc(json), entryPoint()).asText();
    }

    /** The receipt, or empty while the operation is not mined (or the bundler does not know it). */
    public Optional<Receipt> receipt(String userOpHash) {
        JsonNode receipt =
                rpc().call("eth_getUserOperationReceipt", json.getNodeFactory().textNode(userOpHash));
        if (receipt == null || !receipt.isObject()) {
            return Optional.empty();
        }
        String txHash = receipt.path("receipt").path("transactionHash").asText(null);
        return Optional.of(new Receipt(
                receipt.path("success").asBoolean(),
                Numeric.toBigInt(receipt.path("actualGasCost").asText("0x0")),
                txHash,
                receipt.hasNonNull("reason") ? receipt.get("reason").asText() : null));
    }

    private JsonNode entryPoint() {
        return json.getNodeFactory().textNode(config.entryPoint().orElseThrow());
    }

    private JsonRpcClient rpc() {
        if (client == null) {
            client = new JsonRpcClient(
                    json,
                    config.bundlerUrl().orElseThrow(() -> new IllegalStateException("no bundler configured")),
                    Optional.empty(),
                    config.requestTimeout());
        }
        return client;
    }

    private static BigInteger quantity(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw new JsonRpcClient.Unavailable("the bundler's estimate lacks " + field, null);
        }
        return Numeric.toBigInt(value.asText());
    }
}
