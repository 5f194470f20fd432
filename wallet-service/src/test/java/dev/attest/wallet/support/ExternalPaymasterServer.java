package dev.attest.wallet.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.attest.testing.BundlerResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.generated.Uint48;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Someone else's paymaster service speaking ERC-7677 over HTTP, as a project may configure instead of the
 * platform's: it approves with the VerifyingPaymaster's signer (the one the tests' chain trusts), or refuses with a
 * JSON-RPC error when told to. It records the Authorization header of each request.
 */
public final class ExternalPaymasterServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Function<JsonNode, byte[]> paymasterHash;
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile String refusal;

    /** {@code paymasterHash}: the VerifyingPaymaster's getHash of an operation (JSON-RPC form) valid until then. */
    public ExternalPaymasterServer(Function<JsonNode, byte[]> paymasterHash) {
        this.paymasterHash = paymasterHash;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/rpc", this::answer);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/rpc";
    }

    /** From now on every request is refused with {@code message}. */
    public void refuse(String message) {
        refusal = message;
    }

    private void answer(HttpExchange exchange) throws IOException {
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0");
        answer.set("id", request.get("id"));
        if (refusal != null) {
            answer.putObject("error").put("code", -32000).put("message", refusal);
        } else {
            JsonNode op = request.path("params").get(0);
            long validUntil = Instant.now().plusSeconds(600).getEpochSecond();
            byte[] validity = Numeric.hexStringToByteArray(
                    FunctionEncoder.encodeConstructor(List.of(new Uint48(validUntil), new Uint48(0))));
            ObjectNode result = answer.putObject("result");
            result.put("paymaster", BundlerResource.contracts().paymaster());
            if (request.path("method").asText().equals("pm_getPaymasterStubData")) {
                // A well-formed signature by a throwaway key: the paymaster's ecrecover must not revert in estimation.
                Sign.SignatureData stub = Sign.signMessage(
                        new byte[32], Credentials.create("0x" + "22".repeat(32)).getEcKeyPair(), false);
                result.put(
                        "paymasterData", Numeric.toHexString(concat(validity, stub.getR(), stub.getS(), stub.getV())));
                result.put("paymasterVerificationGasLimit", "0x186a0");
                result.put("paymasterPostOpGasLimit", "0x0");
            } else {
                ObjectNode priced = op.deepCopy();
                priced.put("paymaster", BundlerResource.contracts().paymaster());
                priced.put("validUntil", validUntil);
                Sign.SignatureData signature = Sign.signPrefixedMessage(
                        paymasterHash.apply(priced),
                        Credentials.create(BundlerResource.paymasterSignerKey()).getEcKeyPair());
                result.put(
                        "paymasterData",
                        Numeric.toHexString(concat(validity, signature.getR(), signature.getS(), signature.getV())));
            }
        }
        byte[] body = answer.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
