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
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Only tokens the realm issued for Attest are accepted: their audience names the console's client. A token the
 * same realm signed for another of its clients ({@code admin-cli} with no audience, {@code account-console}
 * for {@code account}) carries the same claims and a valid signature, and is still refused: 401 problem,
 * nothing forwarded, nothing stored.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class TokenAudienceTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void tokensOfTheRealmsOtherClientsAreRefusedOnRoutedAndOwnRoutes() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String uri = "/compliance/kyc/" + UUID.randomUUID();
        String slug = "other-client-" + UUID.randomUUID().toString().substring(0, 8);

        for (String token : List.of(
                OidcUsers.clientToken("admin-cli", Set.of(), org.adminSubject(), null, org.id(), "platform-admin"),
                OidcUsers.clientToken(
                        "account-console", Set.of("account"), org.adminSubject(), null, org.id(), "platform-admin"),
                // the console's client as authorized party is not enough: the audience decides
                OidcUsers.clientToken(
                        OidcUsers.CONSOLE_CLIENT,
                        Set.of("account"),
                        org.adminSubject(),
                        null,
                        org.id(),
                        "platform-admin"))) {
            assertUnauthenticated(given().auth().oauth2(token).get(uri));
            assertUnauthenticated(given().auth().oauth2(token).get("/orgs/" + org.id()));
            assertUnauthenticated(given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "Taken", "slug", slug))
                    .post("/orgs"));
        }

        assertThat(RecordingUpstream.receivedAt(uri)).isEmpty();
        assertThat(new TestDatabase(dataSource).count("select count(*) from organization where slug = ?", slug))
                .isZero();
    }

    @Test
    void theConsolesTokensAreAccepted() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String uri = "/compliance/kyc/" + UUID.randomUUID();

        given().auth().oauth2(org.adminToken()).get("/orgs/" + org.id()).then().statusCode(200);
        given().auth()
                .oauth2(OidcUsers.userOf(org.id(), "user-" + UUID.randomUUID(), "user"))
                .get(uri)
                .then()
                .statusCode(201);

        assertThat(RecordingUpstream.receivedAt(uri)).hasSize(1);
    }

    private static void assertUnauthenticated(Response response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(response.jsonPath().getString("type")).isEqualTo("https://attest.dev/problems/unauthenticated");
    }
}
