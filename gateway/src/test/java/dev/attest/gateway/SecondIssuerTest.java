package dev.attest.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.common.problem.Problem;
import dev.attest.gateway.support.GatewayTokenVerifier;
import dev.attest.gateway.support.OidcUsers;
import dev.attest.gateway.support.RecordingUpstream;
import dev.attest.gateway.support.SecondIssuer;
import dev.attest.gateway.support.Tenants;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * A second OIDC issuer (Privy-like, {@link SecondIssuer}) added by configuration only, next to the
 * Keycloak-like default one: its real signed tokens are verified against its own JWKS and read with its
 * own claim mapping; a token of an unknown issuer, or signed with another key, is refused.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
@WithTestResource(SecondIssuer.class)
class SecondIssuerTest {

    @Test
    void secondIssuersUserReachesTheServiceInTheOrganizationOfItsOwnClaim() throws Exception {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String did = "did:privy:" + UUID.randomUUID();
        String uri = "/compliance/kyc/" + UUID.randomUUID();

        given().auth()
                .oauth2(SecondIssuer.user(did, org.id(), "user"))
                .contentType(ContentType.JSON)
                .body("{}")
                .post(uri)
                .then()
                .statusCode(201);

        JwtClaims claims = GatewayTokenVerifier.verify(GatewayTokenVerifier.bearer(RecordingUpstream.lastAt(uri)));
        assertThat(claims.getSubject()).isEqualTo(did);
        assertThat(claims.getStringClaimValue("org_id")).isEqualTo(org.id());
        assertThat(claims.getStringClaimValue("email")).endsWith("@privy-user.test");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("user");
    }

    @Test
    void secondIssuersMemberIsAnOrgAdminThroughTheMemberList() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String did = "did:privy:" + UUID.randomUUID();
        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("user_id", did, "email", "p@privy-user.test", "role", "org-admin"))
                .post("/orgs/" + org.id() + "/members")
                .then()
                .statusCode(201);

        given().auth()
                .oauth2(SecondIssuer.user(did, null))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "From Privy", "environment", "sandbox", "wallet_network", "ethereum-sepolia"))
                .post("/orgs/" + org.id() + "/projects")
                .then()
                .statusCode(201);
    }

    @Test
    void theDefaultIssuersClaimsMeanNothingInTheSecondIssuersTokens() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String did = "did:privy:" + UUID.randomUUID();
        String uri = "/orgs/" + org.id() + "/kyc/cases";

        given().auth()
                .oauth2(SecondIssuer.withKeycloakClaims(did, org.id()))
                .get(uri)
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        given().auth()
                .oauth2(SecondIssuer.withKeycloakClaims(did, org.id()))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "x", "slug", "x-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/orgs")
                .then()
                .statusCode(403);
        assertThat(RecordingUpstream.receivedAt(uri)).isEmpty();
    }

    @Test
    void tokensOfAnUnknownIssuerOrAnotherKeyAreRefused() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String uri = "/orgs/" + org.id() + "/kyc/cases";
        for (String token : new String[] {
            SecondIssuer.unknownIssuer("did:privy:x", org.id()), SecondIssuer.forged("did:privy:y", org.id())
        }) {
            given().auth().oauth2(token).get(uri).then().statusCode(401);
            given().auth().oauth2(token).get("/orgs").then().statusCode(401);
        }
        assertThat(RecordingUpstream.receivedAt(uri)).isEmpty();
    }

    @Test
    void theDefaultIssuerStillWorksBesideTheSecond() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        given().auth()
                .oauth2(OidcUsers.userOf(org.id(), "kc-" + UUID.randomUUID(), "user"))
                .get("/orgs/" + org.id() + "/kyc/cases")
                .then()
                .statusCode(201);
    }
}
