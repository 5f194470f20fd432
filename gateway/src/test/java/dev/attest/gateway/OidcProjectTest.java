package dev.attest.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.common.problem.Problem;
import dev.attest.gateway.support.GatewayTokenVerifier;
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
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * Signed-in users act in a project too: the one they name with {@code Attest-Project} (only their
 * organization's), or their organization's only one. The project is stated in the gateway token, and the
 * request is counted and rate-limited as an API key's is.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class OidcProjectTest {
    @Inject
    AgroalDataSource dataSource;

    private static final Map<String, Object> TWO_PER_HOUR = Map.of("capacity", 2, "refill_per_second", 0.001);

    @Test
    void theOrganizationsOnlyProjectIsTheUsersProject() throws Exception {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String projectId = Tenants.project(org, "sandbox");
        String uri = "/compliance/kyc/" + UUID.randomUUID();

        given().auth()
                .oauth2(OidcUsers.userOf(org.id(), "user-" + UUID.randomUUID(), "user"))
                .get(uri)
                .then()
                .statusCode(201)
                .header("RateLimit-Limit", "100");

        JwtClaims claims = GatewayTokenVerifier.verify(GatewayTokenVerifier.bearer(RecordingUpstream.lastAt(uri)));
        assertThat(claims.getStringClaimValue("project_id")).isEqualTo(projectId);
        assertThat(claims.getStringClaimValue("org_id")).isEqualTo(org.id());
        assertThat(requestsCounted(projectId)).isEqualTo(1);
    }

    @Test
    void withSeveralProjectsTheHeaderNamesOneAndWithoutItNoneIsStated() throws Exception {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String first = Tenants.project(org, "sandbox");
        String second = Tenants.project(org, "production");
        String user = OidcUsers.userOf(org.id(), "user-" + UUID.randomUUID(), "user");
        String named = "/wallets/" + UUID.randomUUID();
        String unnamed = "/wallets/" + UUID.randomUUID();

        given().auth()
                .oauth2(user)
                .header("Attest-Project", second)
                .get(named)
                .then()
                .statusCode(201);
        Response withoutProject = given().auth().oauth2(user).get(unnamed);

        RecordingUpstream.Received received = RecordingUpstream.lastAt(named);
        JwtClaims claims = GatewayTokenVerifier.verify(GatewayTokenVerifier.bearer(received));
        assertThat(claims.getStringClaimValue("project_id")).isEqualTo(second);
        assertThat(received.header("Attest-Project"))
                .as("the service reads the token, not the header")
                .isEmpty();
        assertThat(requestsCounted(second)).isEqualTo(1);
        assertThat(requestsCounted(first)).isZero();

        assertThat(withoutProject.statusCode()).isEqualTo(201);
        assertThat(withoutProject.header("RateLimit-Limit"))
                .as("acting in no project, the user draws from their own bucket (RateLimitTest)")
                .isEqualTo("100");
        JwtClaims unscoped =
                GatewayTokenVerifier.verify(GatewayTokenVerifier.bearer(RecordingUpstream.lastAt(unnamed)));
        assertThat(unscoped.hasClaim("project_id")).isFalse();
    }

    @Test
    void aProjectOfAnotherOrganizationOrNoneAtAllIsNotFound() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        Tenants.project(org, "sandbox");
        Tenants.Org other = Tenants.organization("admin-" + UUID.randomUUID());
        String foreign = Tenants.project(other, "sandbox");
        String user = OidcUsers.userOf(org.id(), "user-" + UUID.randomUUID(), "user", "org-admin");

        for (String project : new String[] {foreign, UUID.randomUUID().toString(), "not-a-uuid"}) {
            String uri = "/identities/" + UUID.randomUUID();
            Response refused = given().auth()
                    .oauth2(user)
                    .header("Attest-Project", project)
                    .get(uri);

            assertThat(refused.statusCode()).as(project).isEqualTo(404);
            assertThat(refused.contentType()).startsWith(Problem.MEDIA_TYPE);
            assertThat(RecordingUpstream.receivedAt(uri)).isEmpty();
        }
        assertThat(requestsCounted(foreign)).isZero();
        // An API key may not name another project than its own either.
        String ownProject = Tenants.project(other, "production");
        String key = Tenants.apiKey(other, ownProject, "identities:read").key();
        given().auth()
                .oauth2(key)
                .header("Attest-Project", foreign)
                .get("/identities/" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    void theHeaderMustNotContradictThePath() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String first = Tenants.project(org, "sandbox");
        String second = Tenants.project(org, "sandbox");
        String uri = "/orgs/" + org.id() + "/projects/" + first + "/webhooks/endpoints";

        given().auth()
                .oauth2(org.adminToken())
                .header("Attest-Project", second)
                .get(uri)
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
        given().auth()
                .oauth2(org.adminToken())
                .header("Attest-Project", first)
                .get(uri)
                .then()
                .statusCode(201);
        assertThat(RecordingUpstream.receivedAt(uri)).hasSize(1);
    }

    @Test
    void aMemberOfSeveralOrganizationsActsInTheOrganizationOfTheNamedProject() throws Exception {
        String subject = "consultant-" + UUID.randomUUID();
        Tenants.Org mine = Tenants.organization(subject);
        Tenants.organization(subject); // a second membership: no single home organization
        String project = Tenants.project(mine, "sandbox");
        Tenants.Org stranger = Tenants.organization("admin-" + UUID.randomUUID());
        String strangers = Tenants.project(stranger, "sandbox");
        String uri = "/notifications/" + UUID.randomUUID();

        given().auth()
                .oauth2(OidcUsers.user(subject))
                .header("Attest-Project", project)
                .get(uri)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(OidcUsers.user(subject))
                .header("Attest-Project", strangers)
                .get("/notifications/x")
                .then()
                .statusCode(404);

        JwtClaims claims = GatewayTokenVerifier.verify(GatewayTokenVerifier.bearer(RecordingUpstream.lastAt(uri)));
        assertThat(claims.getStringClaimValue("org_id")).isEqualTo(mine.id());
        assertThat(claims.getStringClaimValue("project_id")).isEqualTo(project);
        assertThat(claims.getStringListClaimValue("groups")).contains("org-admin");
    }

    @Test
    void usersDrawFromTheProjectsBucketAndAnotherProjectIsUnaffected() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String limited = Tenants.project(org, "sandbox", TWO_PER_HOUR);
        String other = Tenants.project(org, "sandbox", TWO_PER_HOUR);
        String user = OidcUsers.userOf(org.id(), "user-" + UUID.randomUUID(), "user");

        for (int remaining = 1; remaining >= 0; remaining--) {
            given().auth()
                    .oauth2(user)
                    .header("Attest-Project", limited)
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .post("/identities/burst")
                    .then()
                    .statusCode(201)
                    .header("RateLimit-Remaining", Integer.toString(remaining));
        }
        Response refused =
                given().auth().oauth2(user).header("Attest-Project", limited).get("/identities/burst");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(RecordingUpstream.receivedAt("/identities/burst")).hasSize(2);
        assertThat(requestsCounted(limited)).isEqualTo(2);
        given().auth()
                .oauth2(user)
                .header("Attest-Project", other)
                .get("/identities/unaffected")
                .then()
                .statusCode(201)
                .header("RateLimit-Remaining", "1");
    }

    private long requestsCounted(String projectId) {
        return new TestDatabase(dataSource)
                .count(
                        "select coalesce(sum(count), 0) from usage_daily where project_key = ? and metric = 'requests'",
                        projectId);
    }
}
