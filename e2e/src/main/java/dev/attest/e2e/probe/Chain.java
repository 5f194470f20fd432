package dev.attest.e2e.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.e2e.StepFailed;
import dev.attest.e2e.http.HttpJson;
import java.math.BigInteger;

/** Reads the EVM node directly (JSON-RPC): what moved on chain, independently of the platform's answers. */
public final class Chain {
    private final HttpJson http;
    private final String rpcUrl;

    public Chain(HttpJson http, String rpcUrl) {
        this.http = http;
        this.rpcUrl = rpcUrl;
    }

    public BigInteger balance(String address) {
        return new BigInteger(call("eth_getBalance", address, "latest").asText().substring(2), 16);
    }

    /** The receipt's status: true when the transaction was mined and succeeded. */
    public boolean succeeded(String txHash) {
        JsonNode receipt = call("eth_getTransactionReceipt", txHash);
        return !receipt.isNull() && "0x1".equals(receipt.path("status").asText());
    }

    /** The code at an address: a deployed contract (an OnchainID identity) has some. */
    public boolean hasCode(String address) {
        String code = call("eth_getCode", address, "latest").asText();
        return code.length() > 2;
    }

    private JsonNode call(String method, String... params) {
        ObjectNode request =
                HttpJson.object().put("jsonrpc", "2.0").put("id", 1).put("method", method);
        var array = request.putArray("params");
        for (String param : params) {
            array.add(param);
        }
        JsonNode answer = http.post(rpcUrl, null, request).expect(200).json();
        if (answer.has("error")) {
            throw new StepFailed(method + " failed at the node: " + answer.path("error"));
        }
        return answer.path("result");
    }
}
