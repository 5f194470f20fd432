package dev.attest.document.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The EVM node on-chain access conditions are read from (JSON-RPC, read-only calls). */
@ApplicationScoped
public class EvmNode {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper;
    private final URI url;

    /** {@code attest.evm.rpc-url}: the platform's EVM node, the same setting as identity-service's. */
    EvmNode(@ConfigProperty(name = "attest.evm.rpc-url") String rpcUrl, ObjectMapper mapper) {
        this.mapper = mapper;
        this.url = URI.create(rpcUrl);
    }

    /** {@code eth_getBalance(address, block)} in wei. */
    public BigInteger balance(String address, String block) {
        JsonNode result = call("eth_getBalance", List.of(address, block));
        return new BigInteger(result.asText().substring(2), 16);
    }

    private JsonNode call(String method, List<Object> params) {
        try {
            byte[] body =
                    mapper.writeValueAsBytes(Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", params));
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(url)
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            JsonNode answer = mapper.readTree(response.body());
            if (response.statusCode() != 200 || !answer.hasNonNull("result")) {
                throw new ChainUnavailableException(method + " answered " + response.statusCode());
            }
            return answer.get("result");
        } catch (IOException e) {
            throw new ChainUnavailableException(
                    method + " failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainUnavailableException(method + " interrupted");
        }
    }

    /** The node could not answer: a condition that needs it cannot be decided (and so is not met). */
    public static class ChainUnavailableException extends RuntimeException {
        public ChainUnavailableException(String message) {
            super(message);
        }
    }
}
