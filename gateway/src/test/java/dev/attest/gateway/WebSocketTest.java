package dev.attest.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import dev.attest.common.problem.Problem;
import dev.attest.gateway.support.GatewayTokenVerifier;
import dev.attest.gateway.support.OidcUsers;
import dev.attest.gateway.support.Tenants;
import dev.attest.gateway.support.WebSocketUpstream;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** WebSocket upgrades through the gateway to a real WebSocket service ({@link WebSocketUpstream}). */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(WebSocketUpstream.class)
class WebSocketTest {
    @TestHTTPResource("/")
    URI gateway;

    @Test
    void framesPassBothWaysWithTheGatewayTokenAndTheServicesCloseReachesTheClient() throws Exception {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String projectId = Tenants.project(org, "sandbox");
        Tenants.IssuedKey key = Tenants.apiKey(org, projectId, "identities:read");
        String path = "/identities/stream-" + UUID.randomUUID();
        Client client = new Client();

        WebSocket socket = open(path, key.key(), client).join();

        assertThat(client.next()).isEqualTo("hello");
        socket.sendText("ping", true).join();
        assertThat(client.next()).isEqualTo("echo:ping");
        socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();
        assertThat(client.next()).isEqualTo("binary:[1, 2, 3]");
        socket.sendText("bye", true).join();
        assertThat(client.closed.get(10, TimeUnit.SECONDS)).isEqualTo("4001 upstream says bye");

        WebSocketUpstream.Handshake handshake =
                WebSocketUpstream.handshakesAt(path).get(0);
        String authorization = handshake.headers().get("authorization");
        assertThat(authorization).startsWith("Bearer ").doesNotContain(key.key());
        JwtClaims claims = GatewayTokenVerifier.verify(authorization.substring("Bearer ".length()));
        assertThat(claims.getStringClaimValue("org_id")).isEqualTo(org.id());
        assertThat(claims.getStringClaimValue("project_id")).isEqualTo(projectId);
        assertThat(handshake.headers()).containsKey("x-request-id");
    }

    @Test
    void theClientsCloseReachesTheService() throws Exception {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String path = "/orgs/" + org.id() + "/kyc/live-" + UUID.randomUUID();
        Client client = new Client();
        WebSocket socket = open(path, OidcUsers.userOf(org.id(), "user-" + UUID.randomUUID(), "user"), client)
                .join();
        assertThat(client.next()).isEqualTo("hello");

        socket.sendClose(4002, "client leaves").join();

        assertThat(WebSocketUpstream.nextClientClose()).isEqualTo(path + " 4002 client leaves");
    }

    @Test
    void upgradesWithoutCredentialsOrIntoAnotherOrganizationAreRefusedBeforeTheService() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        Tenants.Org other = Tenants.organization("admin-" + UUID.randomUUID());
        String path = "/orgs/" + org.id() + "/wallets/live-" + UUID.randomUUID();

        assertRefused(path, null, 401);
        assertRefused(path, "ak_test_not-a-key", 401);
        assertRefused(path, OidcUsers.userOf(other.id(), "intruder-" + UUID.randomUUID(), "org-admin"), 404);
        assertThat(WebSocketUpstream.handshakesAt(path)).isEmpty();
    }

    @Test
    void theServicesRefusalReachesTheClient() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String path = "/orgs/" + org.id() + "/kyc/refuse";

        assertRefused(path, OidcUsers.userOf(org.id(), "user-" + UUID.randomUUID(), "user"), 403);
        assertThat(WebSocketUpstream.handshakesAt(path)).hasSize(1);
    }

    @Test
    void anUnreachableServiceIsABadGatewayProblemForRequestsAndUpgrades() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String token = OidcUsers.userOf(org.id(), "user-" + UUID.randomUUID(), "user");

        given().auth()
                .oauth2(token)
                .get("/notifications/inbox")
                .then()
                .statusCode(502)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://attest.dev/problems/upstream-unavailable"));
        assertRefused("/notifications/live", token, 502);
    }

    private void assertRefused(String path, String token, int status) {
        assertThatThrownBy(() -> open(path, token, new Client()).join())
                .as(path + " with " + token)
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(
                                ((WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(status));
    }

    private CompletableFuture<WebSocket> open(String path, String token, Client client) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        builder.connectTimeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.buildAsync(URI.create("ws://" + gateway.getAuthority() + path), client);
    }

    /** Collects what the gateway sends: text as is, binary as "binary:[…]", and the close. */
    private static final class Client implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();

        String next() throws InterruptedException {
            String message = messages.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("a message within 10 s").isNotNull();
            return message;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                messages.add(text.toString());
                text.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            messages.add("binary:" + java.util.Arrays.toString(bytes));
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
