package dev.attest.evm;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;

/** Which answers are asked again, against a node that answers from a script (the node's side is not ours). */
class LatestStateRetryTest {
    private static final String STATE_GONE =
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"error\":{\"code\":-32602,\"message\":\"BlockOutOfRangeError: block height"
                    + " is 8 but requested was 7\"}}";
    private static final String REVERT =
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"error\":{\"code\":3,\"message\":\"execution reverted\",\"data\":\"0x\"}}";
    private static final String RESULT = "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":\"0x2a\"}";

    private final Deque<String> script = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer node;
    private Web3j client;

    @BeforeEach
    void start() throws IOException {
        node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        node.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            String answer;
            synchronized (script) {
                answer = script.size() > 1 ? script.poll() : script.peek();
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        node.start();
        client = EvmNodes.connect("http://127.0.0.1:" + node.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        client.shutdown();
        node.stop(0);
    }

    @Test
    void aReadWhoseBlockLostItsStateIsAskedAgainUntilItIsAnswered() throws IOException {
        script.addAll(List.of(STATE_GONE, STATE_GONE, RESULT));

        EthCall answer = call();

        assertThat(answer.hasError()).isFalse();
        assertThat(answer.getValue()).isEqualTo("0x2a");
        assertThat(requests).hasValue(3);
    }

    @Test
    void aRevertIsTheCallersAnswerAndIsNotAskedAgain() throws IOException {
        script.addAll(List.of(REVERT, RESULT));

        EthCall answer = call();

        assertThat(answer.isReverted()).isTrue();
        assertThat(requests).hasValue(1);
    }

    @Test
    void aNodeThatKeepsLosingTheStateGetsAFewAttemptsThenItsAnswerIsTheCallers() throws IOException {
        script.add(STATE_GONE);

        EthCall answer = call();

        assertThat(answer.getError().getMessage()).startsWith(LatestStateRetry.STATE_GONE);
        assertThat(requests).hasValue(LatestStateRetry.ATTEMPTS);
    }

    private EthCall call() throws IOException {
        return client.ethCall(
                        Transaction.createEthCallTransaction(null, "0x0000000000000000000000000000000000000001", "0x"),
                        DefaultBlockParameterName.LATEST)
                .send();
    }
}
