package dev.attest.document.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.net.ProviderHttp;
import dev.attest.common.net.ProviderPath;
import dev.attest.common.net.ProviderRequest;
import dev.attest.evm.LatestStateRetry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The EVM node on-chain access conditions are read from (JSON-RPC, read-only calls), through common's
 * {@link ProviderHttp}: one client span per call, {@code http.client.requests{clientName="evm-node"}}, no trace
 * context sent. No retries but one: a read of a block whose state the node just dropped (see {@link LatestStateRetry})
 * is asked again. A condition the node cannot answer now is not met, and the caller may ask again.
 */
@ApplicationScoped
public class EvmNode {
    static final String PROVIDER = "evm-node";
    /** The node's URL as configured, path and all: JSON-RPC is posted to it, never below it. */
    private static final ProviderPath ENDPOINT = new ProviderPath("/", "");

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ProviderHttp http;
    private final ObjectMapper mapper;
    private final String url;

    /** {@code attest.evm.rpc-url}: the platform's EVM node, the same setting as identity-service's. */
    EvmNode(@ConfigProperty(name = "attest.evm.rpc-url") String rpcUrl, ProviderHttp http, ObjectMapper mapper) {
        this.http = http;
        this.mapper = mapper;
        this.url = rpcUrl;
    }

    /** {@code eth_getBalance(address, block)} in wei. */
    public BigInteger balance(String address, String block) {
        return new BigInteger(call("eth_getBalance", List.of(address, block)).substring(2), 16);
    }

    /** {@code eth_call} of {@code data} on contract {@code to} at the latest block: the ABI-encoded answer, 0x-hex. */
    public String call(String to, String data) {
        return call("eth_call", List.of(Map.of("to", to, "data", data), "latest"));
    }

    private String call(String method, List<Object> params) {
        for (int attempt = 1; ; attempt++) {
            JsonNode answer = answer(method, params);
            String error = answer.path("error").path("message").asText(null);
            if (!LatestStateRetry.stateGone(error) || attempt == LatestStateRetry.ATTEMPTS) {
                // A reverted eth_call is an error object: the condition cannot be decided, as when the node is down.
                if (!answer.path("result").isTextual()) {
                    throw new ChainUnavailableException(method + " answered without a result");
                }
                return answer.get("result").asText();
            }
        }
    }

    /** The node's JSON-RPC answer; a transport failure or a non-200 status is the node being unavailable. */
    private JsonNode answer(String method, List<Object> params) {
        JsonNode answer;
        int status;
        try {
            byte[] body =
                    mapper.writeValueAsBytes(Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", params));
            ProviderHttp.Answer response = http.exchange(ProviderRequest.to(PROVIDER, "POST", url, ENDPOINT)
                    .header("Content-Type", "application/json")
                    .body(body)
                    .timeouts(Duration.ofSeconds(5), TIMEOUT));
            status = response.status();
            answer = mapper.readTree(response.body());
        } catch (IOException e) {
            throw new ChainUnavailableException(
                    method + " failed: " + e.getClass().getSimpleName());
        }
        if (status != 200 || answer == null) {
            throw new ChainUnavailableException(method + " answered " + status + " without a result");
        }
        return answer;
    }

    /** The node could not answer: a condition that needs it cannot be decided (and so is not met). */
    public static class ChainUnavailableException extends RuntimeException {
        public ChainUnavailableException(String message) {
            super(message);
        }
    }
}
