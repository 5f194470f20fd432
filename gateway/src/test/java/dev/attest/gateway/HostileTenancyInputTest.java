package dev.attest.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.common.problem.Problem;
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
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gateway's own API under hostile input: a NUL character (which PostgreSQL cannot store) in any text, JSON
 * of the wrong type where an object, a string, an array or a number is expected, and out-of-range periods. Each
 * is a 400 {@code application/problem+json} answer, and nothing is stored or announced.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class HostileTenancyInputTest {
    @Inject
    AgroalDataSource dataSource;

    private static final String NUL = "\\u0000"; // as JSON writes it

    @Test
    void organizationsRefuseNulAndWrongTypesAndStoreNothing() {
        String slug = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = OidcUsers.platformAdmin();
        for (String body : new String[] {
            "{\"name\":\"Bad" + NUL + "Org\",\"slug\":\"" + slug + "\"}",
            "{\"name\":\"Org\",\"slug\":\"" + slug + "\",\"admin_contacts\":[\"boss" + NUL + "@x.test\"]}",
            "[{\"name\":\"Org\",\"slug\":\"" + slug + "\"}]",
            "{\"name\":{\"text\":\"Org\"},\"slug\":\"" + slug + "\"}",
            "{\"name\":[\"Org\"],\"slug\":\"" + slug + "\"}",
            "{\"name\":\"Org\",\"slug\":\"" + slug + "\",\"admin_contacts\":{\"first\":\"boss@x.test\"}}",
            "{\"name\":\"Org\",\"slug\":\"" + slug + "\",\"self_signup\":[true]}",
            "\"just a string\"",
        }) {
            assertRefused(json(admin, body).post("/orgs"), body);
        }
        assertThat(new TestDatabase(dataSource).count("select count(*) from organization where slug = ?", slug))
                .isZero();
        assertThat(new TestDatabase(dataSource)
                        .count("select count(*) from attest_outbox where data->>'slug' = ?", slug))
                .isZero();

        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        for (String body : new String[] {
            "{\"name\":\"Renamed" + NUL + "\"}", "{\"name\":{\"text\":\"Renamed\"}}", "[\"Renamed\"]",
        }) {
            assertRefused(json(org.adminToken(), body).patch("/orgs/" + org.id()), body);
        }
        assertThat(new TestDatabase(dataSource)
                        .count(
                                "select count(*) from organization where id = ?::uuid and name like 'Renamed%'",
                                org.id()))
                .isZero();
    }

    @Test
    void projectsRefuseNulWrongTypesAndNumbersOutOfRange() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String valid = "\"environment\":\"sandbox\",\"wallet_network\":\"ethereum-sepolia\"";
        for (String body : new String[] {
            "{\"name\":\"P" + NUL + "\"," + valid + "}",
            "{\"name\":\"P\",\"environment\":\"sandbox" + NUL + "\",\"wallet_network\":\"ethereum-sepolia\"}",
            "{\"name\":\"P\"," + valid + ",\"rate_limit\":[]}",
            "{\"name\":\"P\"," + valid + ",\"rate_limit\":{\"capacity\":\"many\",\"refill_per_second\":1}}",
            "{\"name\":\"P\"," + valid + ",\"rate_limit\":{\"capacity\":2147483648,\"refill_per_second\":1}}",
            "{\"name\":\"P\"," + valid + ",\"rate_limit\":{\"capacity\":10,\"refill_per_second\":1e400}}",
            "{\"name\":\"P\"," + valid + ",\"rate_limit\":{\"capacity\":-1,\"refill_per_second\":1}}",
            "{\"name\":{\"a\":1}," + valid + "}",
        }) {
            assertRefused(json(org.adminToken(), body).post("/orgs/" + org.id() + "/projects"), body);
        }
        assertThat(new TestDatabase(dataSource).count("select count(*) from project where org_id = ?::uuid", org.id()))
                .isZero();

        String project = Tenants.project(org, "sandbox");
        for (String body : new String[] {
            "{\"name\":\"Q" + NUL + "\"}", "{\"rate_limit\":{\"capacity\":[1],\"refill_per_second\":1}}", "[]",
        }) {
            assertRefused(json(org.adminToken(), body).patch("/orgs/" + org.id() + "/projects/" + project), body);
        }
        assertThat(new TestDatabase(dataSource)
                        .count(
                                "select count(*) from project where id = ?::uuid and name = 'Project'"
                                        + " and rate_limit_capacity = 100",
                                project))
                .isOne();
    }

    @Test
    void membersRefuseNulAndWrongTypesAndStoreNothing() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String members = "/orgs/" + org.id() + "/members";
        for (String body : new String[] {
            "{\"user_id\":\"u" + NUL + "\",\"email\":\"u@x.test\",\"role\":\"user\"}",
            "{\"user_id\":\"u\",\"email\":\"u" + NUL + "@x.test\",\"role\":\"user\"}",
            "{\"user_id\":\"u\",\"email\":\"u@x.test\",\"role\":[\"user\"]}",
            "{\"user_id\":{\"sub\":\"u\"},\"email\":\"u@x.test\",\"role\":\"user\"}",
            "[]",
        }) {
            assertRefused(json(org.adminToken(), body).post(members), body);
        }
        assertThat(new TestDatabase(dataSource).count("select count(*) from member where org_id = ?::uuid", org.id()))
                .as("only the admin Tenants made")
                .isOne();

        String role = "{\"role\":{\"name\":\"user\"}}";
        assertRefused(json(org.adminToken(), role).patch(members + "/" + org.adminSubject()), role);
        assertThat(new TestDatabase(dataSource)
                        .count("select count(*) from member where org_id = ?::uuid and role = 'org-admin'", org.id()))
                .isOne();
    }

    @Test
    void apiKeysRefuseNulAndWrongTypesAndNoKeyIsMade() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String project = Tenants.project(org, "sandbox");
        String keys = "/orgs/" + org.id() + "/projects/" + project + "/api-keys";
        for (String body : new String[] {
            "{\"name\":\"k" + NUL + "\",\"scopes\":[\"kyc:read\"]}",
            "{\"name\":\"k\",\"scopes\":[\"kyc:read" + NUL + "\"]}",
            "{\"name\":\"k\",\"scopes\":\"kyc:read\"}",
            "{\"name\":\"k\",\"scopes\":[\"kyc:read\"],\"expires_at\":{\"at\":\"2030-01-01T00:00:00Z\"}}",
            "{\"name\":[\"k\"],\"scopes\":[\"kyc:read\"]}",
        }) {
            assertRefused(json(org.adminToken(), body).post(keys), body);
        }
        assertThat(new TestDatabase(dataSource)
                        .count("select count(*) from api_key where project_id = ?::uuid", project))
                .isZero();
    }

    /**
     * A NUL in a path segment: the gateway's own routes refuse it like any text (common's parameter filter), and
     * the routes to the services refuse it in the organization or project they look up, before forwarding.
     */
    @Test
    void aNulInAPathIsRefused() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String project = Tenants.project(org, "sandbox");
        Tenants.IssuedKey key = Tenants.apiKey(org, project, "kyc:read");

        for (String path : new String[] {"/orgs/%00", "/orgs/" + org.id() + "/projects/%00"}) {
            assertRefused(
                    given().auth()
                            .oauth2(org.adminToken())
                            .urlEncodingEnabled(false)
                            .get(path),
                    path);
        }
        assertRefused(
                given().auth()
                        .oauth2(org.adminToken())
                        .urlEncodingEnabled(false)
                        .delete("/orgs/" + org.id() + "/members/x%00y"),
                "remove member x%00y");
        assertRefused(
                given().auth()
                        .oauth2(org.adminToken())
                        .urlEncodingEnabled(false)
                        .delete("/orgs/" + org.id() + "/projects/" + project + "/api-keys/%00"),
                "revoke %00");
        assertThat(new TestDatabase(dataSource)
                        .count("select count(*) from api_key where id = ?::uuid and revoked_at is null", key.id()))
                .isOne();

        for (String path : new String[] {"/orgs/%00/kyc/cases", "/orgs/" + org.id() + "/projects/%00/webhooks/x"}) {
            assertRefused(
                    given().auth()
                            .oauth2(org.adminToken())
                            .urlEncodingEnabled(false)
                            .get(path),
                    path);
        }
        assertThat(RecordingUpstream.receivedAt("/orgs/%00/kyc/cases")).isEmpty();
        assertThat(RecordingUpstream.receivedAt("/orgs/" + org.id() + "/projects/%00/webhooks/x"))
                .isEmpty();
    }

    /** The usage report's period is the gateway's one paging-like parameter: bounded, and malformed is 400. */
    @Test
    void usagePeriodsOutOfRangeOrMalformedAreRefused() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String usage = "/orgs/" + org.id() + "/usage";
        for (String query : new String[] {
            "from=not-a-date",
            "to=2026-02-30",
            "from=%2B999999999-01-01&to=%2B999999999-01-30",
            "from=-999999999-01-01&to=-999999999-01-30",
            "from=0001-01-01&to=0001-01-30",
            "from=2026-01-01&to=2028-01-01",
            "from=2026-01-02&to=2026-01-01",
            "from=2026-01-01%00",
        }) {
            Response response = given().auth()
                    .oauth2(org.adminToken())
                    .urlEncodingEnabled(false)
                    .get(usage + "?" + query);
            assertRefused(response, query);
        }
        given().auth()
                .oauth2(org.adminToken())
                .get(usage + "?from=2026-01-01&to=2026-01-31")
                .then()
                .statusCode(200);
    }

    /** The gateway's lists are not paged: paging parameters, however large, change nothing and break nothing. */
    @Test
    void pagingParametersOnTheGatewaysListsAreIgnored() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        for (String path :
                new String[] {"/orgs", "/orgs/" + org.id() + "/members", "/orgs/" + org.id() + "/projects"}) {
            given().auth()
                    .oauth2(org.adminToken())
                    .get(path + "?page=2147483647&size=-1&limit=99999999999999999999")
                    .then()
                    .statusCode(200);
        }
    }

    private static RequestSpecification json(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
    }

    private static void assertRefused(Response response, String what) {
        assertThat(response.statusCode()).as(what).isEqualTo(400);
        assertThat(response.contentType()).as(what).startsWith(Problem.MEDIA_TYPE);
        assertThat(response.jsonPath().getString("type")).as(what).startsWith("https://attest.dev/problems/");
    }
}
