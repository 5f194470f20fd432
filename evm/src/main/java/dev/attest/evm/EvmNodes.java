package dev.attest.evm;

import java.time.Duration;
import okhttp3.OkHttpClient;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** Connects web3j to an EVM node's JSON-RPC endpoint: every service and test does it here, the same way. */
public final class EvmNodes {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private EvmNodes() {}

    /** A client of the node at {@code rpcUrl} whose reads of the latest state survive a block mined meanwhile. */
    public static Web3j connect(String rpcUrl) {
        return Web3j.build(service(rpcUrl));
    }

    /** The transport under {@link #connect}, for JSON-RPC methods web3j has no call for ({@code anvil_*}, ...). */
    public static HttpService service(String rpcUrl) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .addInterceptor(new LatestStateRetry())
                .build();
        return new HttpService(rpcUrl, http);
    }
}
