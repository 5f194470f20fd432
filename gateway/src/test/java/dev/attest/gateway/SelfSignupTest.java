package dev.attest.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

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
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** People who signed up at the identity provider join, as end users, the organizations that allow it. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class SelfSignupTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aNewUserJoinsAnOpenOrganizationAsAnEndUserOnce() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        openForSignup(org, true);
        String subject = "signup-" + UUID.randomUUID();
        String token = OidcUsers.user(subject);

        given().auth().oauth2(token).get("/orgs").then().statusCode(200).body("id", not(hasItem(org.id())));
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth()
                    .oauth2(token)
                    .post("/orgs/" + org.slug() + "/join")
                    .then()
                    .statusCode(200)
                    .body("user_id", equalTo(subject))
                    .body("role", equalTo("user"));
        }

        given().auth().oauth2(token).get("/orgs").then().statusCode(200).body("id", hasItem(org.id()));
        given().auth()
                .oauth2(token)
                .get("/orgs/" + org.slug())
                .then()
                .statusCode(200)
                .body("my_roles", equalTo(List.of("user")));
        given().auth()
                .oauth2(OidcUsers.user(org.adminSubject()))
                .get("/orgs/" + org.slug())
                .then()
                .body("my_roles", equalTo(List.of("org-admin", "user")));
        assertThat(new TestDatabase(dataSource)
                        .count("select count(*) from member where org_id = ?::uuid and user_id = ?", org.id(), subject))
                .isEqualTo(1);
        // an end user, not an admin
        given().auth()
                .oauth2(token)
                .get("/orgs/" + org.id() + "/members")
                .then()
                .statusCode(403);
    }

    @Test
    void aClosedOrganizationCannotBeJoinedAndLooksLikeNoOrganization() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String subject = "outsider-" + UUID.randomUUID();

        given().auth()
                .oauth2(OidcUsers.user(subject))
                .post("/orgs/" + org.id() + "/join")
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        given().auth()
                .oauth2(OidcUsers.user(subject))
                .post("/orgs/no-such-org/join")
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        assertThat(new TestDatabase(dataSource).count("select count(*) from member where user_id = ?", subject))
                .isZero();
    }

    @Test
    void onlyTheOrganizationsAdminsOpenItAndApiKeysCannotJoin() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        given().auth()
                .oauth2(OidcUsers.user("stranger-" + UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(Map.of("self_signup", true))
                .patch("/orgs/" + org.id())
                .then()
                .statusCode(404);
        openForSignup(org, true);
        String project = Tenants.project(org, "sandbox");
        Tenants.IssuedKey key = Tenants.apiKey(org, project, "kyc:read");
        given().auth()
                .oauth2(key.key())
                .post("/orgs/" + org.id() + "/join")
                .then()
                .statusCode(403)
                .contentType(Problem.MEDIA_TYPE);

        openForSignup(org, false);
        given().auth()
                .oauth2(OidcUsers.user("late-" + UUID.randomUUID()))
                .post("/orgs/" + org.id() + "/join")
                .then()
                .statusCode(404);
    }

    @Test
    void aSignInWithoutEmailCannotJoin() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        openForSignup(org, true);
        String subject = "no-email-" + UUID.randomUUID();
        given().auth()
                .oauth2(OidcUsers.token(subject, null, null, "user"))
                .post("/orgs/" + org.id() + "/join")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
        assertThat(new TestDatabase(dataSource).count("select count(*) from member where user_id = ?", subject))
                .isZero();
    }

    private static void openForSignup(Tenants.Org org, boolean open) {
        given().auth()
                .oauth2(OidcUsers.userOf(org.id(), org.adminSubject(), "org-admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("self_signup", open))
                .patch("/orgs/" + org.id())
                .then()
                .statusCode(200)
                .body("self_signup", equalTo(open));
    }
}
