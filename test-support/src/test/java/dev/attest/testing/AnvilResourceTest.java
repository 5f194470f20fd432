package dev.attest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class AnvilResourceTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void nodeAnswersJsonRpcWithTheLocalChainAndFundedDeterministicAccounts() throws Exception {
        String rpc = new AnvilResource().start().get("attest.evm.rpc-url");

        assertThat(call(rpc, "eth_chainId", "[]")).contains("\"result\":\"0x539\""); // 1337
        // Deterministic account 0, the address of AnvilResource.ACCOUNT_0_KEY.
        String balance = call(rpc, "eth_getBalance", "[\"0x90f8bf6a479f320ead074411a4b0e7944ea8c9c1\",\"latest\"]");
        String hex = balance.replaceAll(".*\"result\":\"0x([0-9a-f]+)\".*", "$1");
        assertThat(new BigInteger(hex, 16)).isGreaterThan(BigInteger.TEN.pow(18));
    }

    private String call(String rpc, String method, String params) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(rpc))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
