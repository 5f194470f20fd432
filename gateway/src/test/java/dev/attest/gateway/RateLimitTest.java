package dev.attest.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.attest.common.problem.Problem;
import dev.attest.gateway.ratelimit.RateLimitDecision;
import dev.attest.gateway.ratelimit.TokenBuckets;
import dev.attest.gateway.support.OidcUsers;
import dev.attest.gateway.support.RecordingUpstream;
import dev.attest.gateway.support.Tenants;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
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
    @Inject
    AgroalDataSource dataSource;

    /** So slow that no token comes back while a test runs. */
    private static final Map<String, Object> THREE_PER_HOUR = Map.of("capacity", 3, "refill_per_second", 0.001);
    /** attest.gateway.rate-limit.caller.capacity (its default); the test profile makes it refill very slowly. */
    private static final int CALLER_CAPACITY = 100;

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

    /**
     * A signed-in user who names no project (their organization has several) draws from their own bucket in that
     * organization: 100 requests (the test's caller bucket, which does not refill while the test runs), then 429.
     * Naming a project, acting in another organization, or being another user are other buckets.
     */
    @Test
    void aUserActingInNoProjectIsLimitedPerUserAndOrganization() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String project = Tenants.project(org, "sandbox");
        Tenants.project(org, "sandbox"); // two projects: a request that names none acts in none
        Tenants.Org otherOrg = Tenants.organization("admin-" + UUID.randomUUID());
        Tenants.project(otherOrg, "sandbox");
        Tenants.project(otherOrg, "sandbox");
        String subject = "user-" + UUID.randomUUID();
        String user = OidcUsers.userOf(org.id(), subject, "user");
        addMember(otherOrg, subject);

        for (int i = 1; i <= CALLER_CAPACITY; i++) {
            given().auth()
                    .oauth2(user)
                    .get("/identities/no-project")
                    .then()
                    .statusCode(201)
                    .header("RateLimit-Limit", Integer.toString(CALLER_CAPACITY))
                    .header("RateLimit-Remaining", Integer.toString(CALLER_CAPACITY - i));
        }
        Response refused = given().auth().oauth2(user).get("/identities/no-project");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(refused.jsonPath().getString("type")).isEqualTo("https://attest.dev/problems/rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(RecordingUpstream.receivedAt("/identities/no-project")).hasSize(CALLER_CAPACITY);
        // the same user in a project: the project's bucket
        given().auth()
                .oauth2(user)
                .header("Attest-Project", project)
                .get("/identities/in-project")
                .then()
                .statusCode(201);
        // the same user in another organization they belong to: another bucket
        given().auth()
                .oauth2(user)
                .get("/orgs/" + otherOrg.id() + "/wallets")
                .then()
                .statusCode(201)
                .header("RateLimit-Remaining", Integer.toString(CALLER_CAPACITY - 1));
        // another user of the organization: their own bucket
        given().auth()
                .oauth2(OidcUsers.userOf(org.id(), "user-" + UUID.randomUUID(), "user"))
                .get("/identities/another-user")
                .then()
                .statusCode(201)
                .header("RateLimit-Remaining", Integer.toString(CALLER_CAPACITY - 1));
    }

    @Test
    void aUserOfNoOrganizationIsLimitedPerUser() {
        String user = OidcUsers.user("loner-" + UUID.randomUUID());
        for (int i = 1; i <= CALLER_CAPACITY; i++) {
            given().auth().oauth2(user).get("/identities/loner").then().statusCode(201);
        }

        given().auth()
                .oauth2(user)
                .get("/identities/loner")
                .then()
                .statusCode(429)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        assertThat(RecordingUpstream.receivedAt("/identities/loner")).hasSize(CALLER_CAPACITY);
    }

    /** The gateway's own API (tenancy) draws from the caller's bucket too; a refused change is not made. */
    @Test
    void theGatewaysOwnApiIsLimitedPerCaller() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        for (int i = 1; i <= CALLER_CAPACITY; i++) {
            given().auth()
                    .oauth2(org.adminToken())
                    .get("/orgs/" + org.id())
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Remaining", Integer.toString(CALLER_CAPACITY - i));
        }

        Response refused = given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "One too many", "environment", "sandbox", "wallet_network", "ethereum-sepolia"))
                .post("/orgs/" + org.id() + "/projects");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(new TestDatabase(dataSource).count("select count(*) from project where org_id = ?::uuid", org.id()))
                .isZero();
        // another admin of the same organization is not held up
        given().auth()
                .oauth2(OidcUsers.platformAdmin())
                .get("/orgs/" + org.id())
                .then()
                .statusCode(200);
    }

    private static void addMember(Tenants.Org org, String subject) {
        given().auth()
                .oauth2(OidcUsers.platformAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("user_id", subject, "email", subject + "@example.test", "role", "user"))
                .post("/orgs/" + org.id() + "/members")
                .then()
                .statusCode(201);
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
