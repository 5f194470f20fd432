package dev.attest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundlerResourceTest {
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theContractsAreOnTheNodeAndTheBundlerServesTheEntryPoint() throws Exception {
        Map<String, String> config = new BundlerResource().start();
        String node = AnvilResource.rpcUrl();

        assertThat(config.get("attest.aa.entry-point")).isEqualTo("0x0000000071727De22E5E9d8BAf0edAc6f37da032");
        assertThat(config.get("attest.aa.account-factory")).isEqualTo("0x91E60e0613810449d098b0b5Ec8b51A0FE8c8985");
        for (String contract : new String[] {
            config.get("attest.aa.entry-point"),
            config.get("attest.aa.account-factory"),
            config.get("attest.aa.paymaster")
        }) {
            assertThat(call(node, "eth_getCode", "[\"" + contract + "\",\"latest\"]"))
                    .as("code at %s", contract)
                    .doesNotContain("\"result\":\"0x\"");
        }
        assertThat(call(config.get("attest.aa.bundler-url"), "eth_supportedEntryPoints", "[]"))
                .containsIgnoringCase(config.get("attest.aa.entry-point"));
        assertThat(BundlerResource.paymasterSignerKey()).matches("0x[0-9a-fA-F]{64}");
    }

    private String call(String url, String method, String params) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
