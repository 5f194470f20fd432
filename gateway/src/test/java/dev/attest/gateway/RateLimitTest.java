package dev.attest.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.attest.common.problem.Problem;
import dev.attest.gateway.ratelimit.RateLimitDecision;
import dev.attest.gateway.ratelimit.TokenBuckets;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class RateLimitTest {
    /** So slow that no token comes back while a test runs. */
    private static final Map<String, Object> THREE_PER_HOUR = Map.of("capacity", 3, "refill_per_second", 0.001);

    @Test
    void burstOverTheLimitGets429WhileAnotherProjectIsUnaffected() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String limited = Tenants.project(org, "sandbox", THREE_PER_HOUR);
        String other = Tenants.project(org, "sandbox", THREE_PER_HOUR);
        String key = Tenants.apiKey(org, limited, "identities:read").key();
        String otherKey = Tenants.apiKey(org, other, "identities:read").key();

        for (int remaining = 2; remaining >= 0; remaining--) {
            given().auth()
                    .oauth2(key)
                    .get("/identities/limited")
                    .then()
                    .statusCode(201)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", Integer.toString(remaining));
        }
        Response refused = given().auth().oauth2(key).get("/identities/limited");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(refused.jsonPath().getString("type")).isEqualTo("https://attest.dev/problems/rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(RecordingUpstream.receivedAt("/identities/limited")).hasSize(3);
        given().auth()
                .oauth2(otherKey)
                .get("/identities/other")
                .then()
                .statusCode(201)
                .header("RateLimit-Remaining", equalTo("2"));
    }

    @Test
    void twoReplicasDrawFromTheSameBucket() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String projectId = Tenants.project(org, "sandbox", Map.of("capacity", 4, "refill_per_second", 0.001));
        String key = Tenants.apiKey(org, projectId, "identities:read").key();
        TokenBuckets otherReplica = new TokenBuckets(ownPool());

        given().auth().oauth2(key).get("/identities/replicas").then().statusCode(201);
        assertThat(otherReplica.take(UUID.fromString(projectId), 4, 0.001).allowed())
                .isTrue();
        given().auth().oauth2(key).get("/identities/replicas").then().statusCode(201);
        assertThat(otherReplica.take(UUID.fromString(projectId), 4, 0.001).allowed())
                .isTrue();

        given().auth().oauth2(key).get("/identities/replicas").then().statusCode(429);
        assertThat(otherReplica.take(UUID.fromString(projectId), 4, 0.001).allowed())
                .isFalse();
    }

    /**
     * The "burst over the limit gets 429 while another project is unaffected, also with two gateway
     * instances". The second instance is a second {@link TokenBuckets} over a connection source of its own
     * on the same database (a second Quarkus application cannot run in this JVM): exactly what a replica
     * shares with another, since the buckets live only in PostgreSQL.
     */
    @Test
    void burstSpreadOverTwoReplicasGets429WhileAnotherProjectIsUnaffected() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String limited = Tenants.project(org, "sandbox", Map.of("capacity", 4, "refill_per_second", 0.001));
        String other = Tenants.project(org, "sandbox", Map.of("capacity", 4, "refill_per_second", 0.001));
        String key = Tenants.apiKey(org, limited, "identities:read").key();
        String otherKey = Tenants.apiKey(org, other, "identities:read").key();
        TokenBuckets replicaB = new TokenBuckets(ownPool());
        UUID limitedId = UUID.fromString(limited);

        assertThat(replicaB.take(limitedId, 4, 0.001).headers()).containsEntry("RateLimit-Remaining", "3");
        given().auth()
                .oauth2(key)
                .get("/identities/spread")
                .then()
                .statusCode(201)
                .header("RateLimit-Remaining", "2");
        assertThat(replicaB.take(limitedId, 4, 0.001).headers()).containsEntry("RateLimit-Remaining", "1");
        given().auth()
                .oauth2(key)
                .get("/identities/spread")
                .then()
                .statusCode(201)
                .header("RateLimit-Remaining", "0");

        Response refusedHere = given().auth().oauth2(key).get("/identities/spread");
        RateLimitDecision refusedThere = replicaB.take(limitedId, 4, 0.001);

        assertThat(refusedHere.statusCode()).isEqualTo(429);
        assertThat(refusedHere.header("RateLimit-Limit")).isEqualTo("4");
        assertThat(refusedHere.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(refusedHere.header("RateLimit-Reset"))).isPositive();
        assertThat(Long.parseLong(refusedHere.header("Retry-After"))).isPositive();
        assertThat(refusedThere.allowed()).isFalse();
        assertThat(refusedThere.headers())
                .containsEntry("RateLimit-Remaining", "0")
                .containsKey("Retry-After");
        assertThat(RecordingUpstream.receivedAt("/identities/spread")).hasSize(2);
        // The other project's bucket is untouched on both replicas.
        assertThat(replicaB.take(UUID.fromString(other), 4, 0.001).allowed()).isTrue();
        given().auth()
                .oauth2(otherKey)
                .get("/identities/spread-other")
                .then()
                .statusCode(201)
                .header("RateLimit-Remaining", "2");
    }

    @Test
    void concurrentRequestsOnTwoReplicasNeverExceedTheBucket() throws Exception {
        UUID projectId = UUID.randomUUID();
        TokenBuckets replicaA = new TokenBuckets(ownPool());
        TokenBuckets replicaB = new TokenBuckets(ownPool());
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            TokenBuckets replica = i % 2 == 0 ? replicaA : replicaB;
            requests.add(() -> replica.take(projectId, 10, 0.001).allowed());
        }
        long allowed = 0;
        for (Future<Boolean> outcome : callers.invokeAll(requests)) {
            allowed += outcome.get() ? 1 : 0;
        }
        callers.shutdown();
        assertThat(allowed).isEqualTo(10);
    }

    /** A connection source of its own, as another gateway process would have. */
    private static PGSimpleDataSource ownPool() {
        var config = ConfigProvider.getConfig();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(config.getValue("quarkus.datasource.jdbc.url", String.class));
        dataSource.setUser(config.getValue("quarkus.datasource.username", String.class));
        dataSource.setPassword(config.getValue("quarkus.datasource.password", String.class));
        return dataSource;
    }
}
