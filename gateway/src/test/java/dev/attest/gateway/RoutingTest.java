package dev.attest.gateway;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.attest.common.problem.Problem;
import dev.attest.gateway.support.GatewayTokenVerifier;
import dev.attest.gateway.support.OidcUsers;
import dev.attest.gateway.support.RecordingUpstream;
import dev.attest.gateway.support.ServicePaths;
import dev.attest.gateway.support.Tenants;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class RoutingTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void apiKeyReachesTheServiceWithAGatewayTokenInsteadOfTheKey() throws Exception {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String projectId = Tenants.project(org, "sandbox");
        Tenants.IssuedKey key = Tenants.apiKey(org, projectId, "wallets:read");
        String uri = "/wallets/" + UUID.randomUUID() + "?page=2";

        given().auth()
                .oauth2(key.key())
                .get(uri)
                .then()
                .statusCode(201)
                .header("X-Upstream-Header", "kept")
                .body("upstream", equalTo(true));

        RecordingUpstream.Received received = RecordingUpstream.lastAt(uri);
        String token = GatewayTokenVerifier.bearer(received);
        assertThat(token).doesNotContain(key.key());
        JwtClaims claims = GatewayTokenVerifier.verify(token);
        assertThat(claims.getSubject()).isEqualTo(key.id());
        assertThat(claims.getStringClaimValue("org_id")).isEqualTo(org.id());
        assertThat(claims.getStringClaimValue("org_slug")).isEqualTo(org.slug());
        assertThat(claims.getStringClaimValue("project_id")).isEqualTo(projectId);
        assertThat(claims.getStringClaimValue("scope")).isEqualTo("wallets:read");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("api-key");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue())
                .isLessThanOrEqualTo(60);
    }

    @Test
    void signedInUserReachesTheServiceAsAUserOfTheirOrganization() throws Exception {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String subject = "end-user-" + UUID.randomUUID();
        String uri = "/compliance/kyc/" + UUID.randomUUID();

        given().auth()
                .oauth2(OidcUsers.userOf(org.id(), subject, "user"))
                .contentType(ContentType.JSON)
                .body("{\"level\":\"basic\"}")
                .post(uri)
                .then()
                .statusCode(201);

        RecordingUpstream.Received received = RecordingUpstream.lastAt(uri);
        JwtClaims claims = GatewayTokenVerifier.verify(GatewayTokenVerifier.bearer(received));
        assertThat(claims.getSubject()).isEqualTo(subject);
        assertThat(claims.getStringClaimValue("org_id")).isEqualTo(org.id());
        assertThat(claims.getStringClaimValue("email")).isEqualTo(subject + "@example.test");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("user");
        assertThat(claims.hasClaim("project_id")).isFalse();
        assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo("{\"level\":\"basic\"}");
    }

    @Test
    void realmOrgAdminRoleCountsOnlyInTheOrganizationOfTheToken() throws Exception {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        Tenants.Org other = Tenants.organization("admin-" + UUID.randomUUID());
        String token = OidcUsers.userOf(org.id(), "ops-" + UUID.randomUUID(), "org-admin");
        String uri = "/orgs/" + org.id() + "/kyc/cases";

        given().auth().oauth2(token).get(uri).then().statusCode(201);
        given().auth()
                .oauth2(token)
                .get("/orgs/" + other.id() + "/kyc/cases")
                .then()
                .statusCode(404);

        JwtClaims claims = GatewayTokenVerifier.verify(GatewayTokenVerifier.bearer(RecordingUpstream.lastAt(uri)));
        assertThat(claims.getStringListClaimValue("groups")).containsExactlyInAnyOrder("org-admin", "user");
        assertThat(RecordingUpstream.receivedAt("/orgs/" + other.id() + "/kyc/cases"))
                .isEmpty();
    }

    @Test
    void revokedKeyIsRefusedAtOnce() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String projectId = Tenants.project(org, "sandbox");
        Tenants.IssuedKey key = Tenants.apiKey(org, projectId, "identities:read");
        String uri = "/identities/" + UUID.randomUUID();
        given().auth().oauth2(key.key()).get(uri).then().statusCode(201);
        given().auth()
                .oauth2(org.adminToken())
                .get("/orgs/" + org.id() + "/projects/" + projectId + "/api-keys")
                .then()
                .statusCode(200)
                .body("[0].last_used_at", notNullValue());

        given().auth()
                .oauth2(org.adminToken())
                .delete("/orgs/" + org.id() + "/projects/" + projectId + "/api-keys/" + key.id())
                .then()
                .statusCode(200)
                .body("revoked_at", notNullValue());

        given().auth()
                .oauth2(key.key())
                .get(uri)
                .then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer");
        assertThat(RecordingUpstream.receivedAt(uri)).hasSize(1);
    }

    /** No replica caches keys: a revocation written by another replica counts on the very next request. */
    @Test
    void keyRevokedByAnotherReplicaIsRefusedOnTheNextRequest() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String projectId = Tenants.project(org, "sandbox");
        Tenants.IssuedKey key = Tenants.apiKey(org, projectId, "identities:read");
        String uri = "/identities/" + UUID.randomUUID();
        given().auth().oauth2(key.key()).get(uri).then().statusCode(201);

        new TestDatabase(dataSource).update("update api_key set revoked_at = now() where id = ?::uuid", key.id());

        given().auth().oauth2(key.key()).get(uri).then().statusCode(401);
        assertThat(RecordingUpstream.receivedAt(uri)).hasSize(1);
    }

    @Test
    void rotatedKeyReplacesTheOldOne() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String projectId = Tenants.project(org, "sandbox");
        Tenants.IssuedKey old = Tenants.apiKey(org, projectId, "identities:read");

        String successor = given().auth()
                .oauth2(org.adminToken())
                .post("/orgs/" + org.id() + "/projects/" + projectId + "/api-keys/" + old.id() + "/rotate")
                .then()
                .statusCode(201)
                .body("scopes", equalTo(List.of("identities:read")))
                .extract()
                .path("key");

        given().auth().oauth2(old.key()).get("/identities/x").then().statusCode(401);
        given().auth().oauth2(successor).get("/identities/x").then().statusCode(201);
    }

    @Test
    void expiredUnknownAndMalformedKeysAreRefused() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String projectId = Tenants.project(org, "sandbox");
        Tenants.IssuedKey key = Tenants.apiKey(org, projectId, "identities:read");
        new TestDatabase(dataSource)
                .update("update api_key set expires_at = now() - interval '1 second' where id = ?::uuid", key.id());

        for (String presented : List.of(
                key.key(),
                "ak_test_" + "A".repeat(43),
                "ak_test_short",
                key.key().replace("ak_test_", "ak_live_"),
                "not-a-jwt")) {
            given().auth()
                    .oauth2(presented)
                    .get("/identities/me")
                    .then()
                    .statusCode(401)
                    .contentType(Problem.MEDIA_TYPE);
        }
        assertThat(RecordingUpstream.receivedAt("/identities/me")).isEmpty();
    }

    @Test
    void keyWithoutTheRouteScopeIsForbidden() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String projectId = Tenants.project(org, "sandbox");
        Tenants.IssuedKey key = Tenants.apiKey(org, projectId, "kyc:read");
        String uri = "/compliance/kyc/" + UUID.randomUUID();

        given().auth()
                .oauth2(key.key())
                .contentType(ContentType.JSON)
                .body("{}")
                .post(uri)
                .then()
                .statusCode(403)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("kyc:write"));
        given().auth().oauth2(key.key()).get("/wallets/x").then().statusCode(403);
        assertThat(RecordingUpstream.receivedAt(uri)).isEmpty();
    }

    @Test
    void serviceRoutesNeedAuthentication() {
        given().get("/wallets/anything").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().auth()
                .oauth2(OidcUsers.forged("mallory"))
                .get("/wallets/anything")
                .then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE);
        assertThat(RecordingUpstream.receivedAt("/wallets/anything")).isEmpty();
    }

    @Test
    void providerWebhooksAreForwardedByteForByteWithoutCredentials() {
        byte[] body = "{\"data\":{\"id\":\"inq_1\"},  \"x\":\"\u00e9\"}\n".getBytes(StandardCharsets.UTF_8);
        String uri = "/webhooks/persona/" + UUID.randomUUID();

        given().header("Persona-Signature", "t=1700000000,v1=abc")
                .header("Authorization", "Bearer something-a-client-made-up")
                .contentType("application/json; charset=utf-8")
                .body(body)
                .post(uri)
                .then()
                .statusCode(201);

        RecordingUpstream.Received received = RecordingUpstream.lastAt(uri);
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.header("Persona-Signature")).contains("t=1700000000,v1=abc");
        assertThat(received.header("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(received.header("Authorization")).isEmpty();
        given().body("{}").post("/webhooks/dfns/hook").then().statusCode(201);
        assertThat(RecordingUpstream.receivedAt("/webhooks/dfns/hook")).hasSize(1);
    }

    /**
     * Every path the services serve (ServicePaths, checked against their OpenAPI documents) reaches the service
     * through the gateway, the recently routed ones included: transfer approvals, an admin's retry of a wallet
     * provisioning, the platform's view of refused Persona webhooks. None is answered by the gateway itself.
     */
    @Test
    void everyPathOfTheServicesIsRoutedThroughTheGateway() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String projectId = Tenants.project(org, "sandbox");
        ServicePaths.BY_SERVICE.forEach((service, templates) -> {
            for (String template : templates) {
                // a query of its own: other tests look for what reached paths such as /identities/me
                String uri = ServicePaths.concrete(
                                template, org.id(), projectId, UUID.randomUUID().toString()) + "?probe="
                        + UUID.randomUUID();
                given().auth()
                        .oauth2(org.adminToken())
                        .get(uri)
                        .then()
                        .statusCode(201)
                        .body("upstream", equalTo(true));
                assertThat(RecordingUpstream.receivedAt(uri))
                        .as(service + " " + template)
                        .hasSize(1);
            }
        });
    }

    @Test
    void requestIdAndTraceContextPassThrough() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String token = OidcUsers.userOf(org.id(), "u-" + UUID.randomUUID(), "user");
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        given().auth()
                .oauth2(token)
                .header("X-Request-Id", "req-123")
                .header("traceparent", traceparent)
                .header("tracestate", "attest=00f067aa0ba902b7")
                .get("/notifications/one")
                .then()
                .statusCode(201)
                .header("X-Request-Id", "req-123");
        String generated = given().auth()
                .oauth2(token)
                .get("/notifications/two")
                .then()
                .statusCode(201)
                .header("X-Request-Id", notNullValue())
                .extract()
                .header("X-Request-Id");

        RecordingUpstream.Received first = RecordingUpstream.lastAt("/notifications/one");
        assertThat(first.header("X-Request-Id")).contains("req-123");
        // the caller's trace, continued: its parent is now the gateway's own span (TracingTest)
        assertThat(first.header("traceparent")).hasValueSatisfying(onward -> assertThat(onward)
                .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
                .isNotEqualTo(traceparent));
        assertThat(first.header("tracestate")).contains("attest=00f067aa0ba902b7");
        assertThat(RecordingUpstream.lastAt("/notifications/two").header("X-Request-Id"))
                .contains(generated);
        assertThat(UUID.fromString(generated).version()).isEqualTo(4);
        assertThat(UUID.fromString(generated).variant()).isEqualTo(2);
    }

    @Test
    void serverSentEventsPassThrough() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String body = given().auth()
                .oauth2(OidcUsers.userOf(org.id(), "u-" + UUID.randomUUID(), "user"))
                .get("/notifications/events")
                .then()
                .statusCode(200)
                .header("Content-Type", containsString("text/event-stream"))
                .extract()
                .asString();
        assertThat(body).contains("id: 1\nevent: tick\ndata: {\"n\":1}\n\n", "data: {\"n\":3}");
    }

    @Test
    void slowServiceAnswersGatewayTimeoutProblem() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        given().auth()
                .oauth2(OidcUsers.userOf(org.id(), "u-" + UUID.randomUUID(), "user"))
                .get("/compliance/slow")
                .then()
                .statusCode(504)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://attest.dev/problems/upstream-timeout"));
    }

    @Test
    void oversizedBodyIsRefusedWithoutReachingTheService() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        byte[] body = new byte[1024 * 1024 + 1];
        given().auth()
                .oauth2(OidcUsers.userOf(org.id(), "u-" + UUID.randomUUID(), "user"))
                .contentType(ContentType.BINARY)
                .body(body)
                .post("/compliance/upload")
                .then()
                .statusCode(413);
        assertThat(RecordingUpstream.receivedAt("/compliance/upload")).isEmpty();
    }

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void bodiesOfUnknownLengthStreamThroughUpToTheLimitOnly() throws Exception {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String token = OidcUsers.userOf(org.id(), "u-" + UUID.randomUUID(), "user");
        HttpClient client = HttpClient.newHttpClient();
        byte[] small = "chunk ".repeat(1000).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> passed = client.send(
                chunkedPost(token, "/compliance/chunked-small", small), HttpResponse.BodyHandlers.ofString());
        assertThat(passed.statusCode()).isEqualTo(201);
        RecordingUpstream.Received received = RecordingUpstream.lastAt("/compliance/chunked-small");
        assertThat(received.body()).isEqualTo(small);
        assertThat(received.header("Content-Length")).isEmpty();

        byte[] large = new byte[1024 * 1024 + 4096];
        try {
            HttpResponse<String> refused = client.send(
                    chunkedPost(token, "/compliance/chunked-large", large), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(413);
        } catch (java.io.IOException closedWhileUploading) {
            // the gateway may close the connection before the client has finished sending: also a refusal
        }
        assertThat(RecordingUpstream.receivedAt("/compliance/chunked-large")).isEmpty();
    }

    @Test
    void providerWebhooksOfUnknownLengthAreForwardedWholeUpToTheLimitOnly() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String uri = "/webhooks/persona/" + UUID.randomUUID();
        byte[] body = "{\"data\":{\"id\":\"inq_1\"}}\n".repeat(500).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> passed = client.send(chunkedWebhook(uri, body), HttpResponse.BodyHandlers.ofString());
        assertThat(passed.statusCode()).isEqualTo(201);
        assertThat(passed.body()).isEqualTo("{\"upstream\":true}");
        assertThat(passed.headers().firstValue("X-Upstream-Header")).contains("kept");
        assertThat(passed.headers().firstValue("Content-Type")).contains("application/json");
        RecordingUpstream.Received received = RecordingUpstream.lastAt(uri);
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.header("Persona-Signature")).contains("t=1700000000,v1=abc");
        assertThat(received.header("X-Request-Id")).isEqualTo(passed.headers().firstValue("X-Request-Id"));

        String tooLarge = "/webhooks/persona/" + UUID.randomUUID();
        try {
            HttpResponse<String> refused = client.send(
                    chunkedWebhook(tooLarge, new byte[1024 * 1024 + 4096]), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(refused.headers().firstValue("Content-Type")).contains(Problem.MEDIA_TYPE);
        } catch (java.io.IOException closedWhileUploading) {
            // the gateway may close the connection before the client has finished sending: also a refusal
        }
        assertThat(RecordingUpstream.receivedAt(tooLarge)).isEmpty();
    }

    private HttpRequest chunkedWebhook(String path, byte[] body) {
        // An input stream of unknown length makes the client send the body chunked.
        return HttpRequest.newBuilder(gateway.resolve(path))
                .header("Persona-Signature", "t=1700000000,v1=abc")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();
    }

    @Test
    void openEventStreamsDoNotHoldUpOtherRequestsToTheSameService() throws Exception {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String token = OidcUsers.userOf(org.id(), "u-" + UUID.randomUUID(), "user");
        HttpClient client = HttpClient.newHttpClient();
        int streams = 8; // more than the 5 connections Vert.x pools per server unless told otherwise
        List<java.util.concurrent.CompletableFuture<HttpResponse<java.io.InputStream>>> open =
                new java.util.ArrayList<>();
        try {
            for (int i = 0; i < streams; i++) {
                open.add(client.sendAsync(
                        HttpRequest.newBuilder(gateway.resolve("/notifications/held"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream()));
            }
            awaitHeld(streams);
            assertThat(RecordingUpstream.held()).isEqualTo(streams);

            given().auth()
                    .oauth2(token)
                    .get("/notifications/" + UUID.randomUUID())
                    .then()
                    .statusCode(201);
        } finally {
            RecordingUpstream.releaseHeld();
            open.forEach(stream -> stream.cancel(true));
            awaitHeld(0);
        }
    }

    @Test
    void aClientLeavingAnEventStreamEndsItAtTheService() throws Exception {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String token = OidcUsers.userOf(org.id(), "u-" + UUID.randomUUID(), "user");
        HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(gateway.resolve("/notifications/held"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        try {
            awaitHeld(1);
            assertThat(RecordingUpstream.held()).isEqualTo(1);

            stream.body().close();

            awaitHeld(0);
            assertThat(RecordingUpstream.held()).isZero();
        } finally {
            RecordingUpstream.releaseHeld();
            awaitHeld(0);
        }
    }

    private static void awaitHeld(int count) {
        waitFor(count + " requests held at the upstream").until(() -> RecordingUpstream.held() == count);
    }

    private HttpRequest chunkedPost(String token, String path, byte[] body) {
        // An input stream of unknown length makes the client send the body chunked.
        return HttpRequest.newBuilder(gateway.resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();
    }

    @Test
    void projectWebhookEndpointsAreReachableOnlyWithThatProjectsKey() throws Exception {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String projectId = Tenants.project(org, "sandbox");
        String otherProject = Tenants.project(org, "sandbox");
        Tenants.IssuedKey key = Tenants.apiKey(org, projectId, "notifications:write");
        Tenants.IssuedKey otherKey = Tenants.apiKey(org, otherProject, "notifications:write");
        String uri = "/orgs/" + org.id() + "/projects/" + projectId + "/webhooks/endpoints";

        given().auth()
                .oauth2(key.key())
                .contentType(ContentType.JSON)
                .body(Map.of("url", "https://x.test"))
                .post(uri)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(otherKey.key())
                .contentType(ContentType.JSON)
                .body(Map.of("url", "https://x.test"))
                .post(uri)
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE);

        assertThat(RecordingUpstream.receivedAt(uri)).hasSize(1);
        JwtClaims claims = GatewayTokenVerifier.verify(GatewayTokenVerifier.bearer(RecordingUpstream.lastAt(uri)));
        assertThat(claims.getStringClaimValue("project_id")).isEqualTo(projectId);
    }
}
