package dev.attest.gateway.support;

import static io.restassured.RestAssured.given;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/** Verifies a token the way a service does: against the JWKS the gateway serves, issuer and audience checked. */
public final class GatewayTokenVerifier {
    private GatewayTokenVerifier() {}

    public static JwtClaims verify(String token) {
        try {
            String jwks = given().get("/.well-known/jwks.json")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            JwtConsumer consumer = new JwtConsumerBuilder()
                    .setRequireExpirationTime()
                    .setRequireIssuedAt()
                    .setExpectedIssuer("attest-gateway")
                    .setExpectedAudience("attest-services")
                    .setVerificationKeyResolver(
                            new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                    .build();
            return consumer.processToClaims(token);
        } catch (Exception e) {
            throw new AssertionError("the gateway token does not verify with the served JWKS: " + e.getMessage(), e);
        }
    }

    /** The bearer token an upstream received. */
    public static String bearer(RecordingUpstream.Received received) {
        String authorization =
                received.header("Authorization").orElseThrow(() -> new AssertionError("no Authorization"));
        if (!authorization.startsWith("Bearer ")) {
            throw new AssertionError("not a bearer token");
        }
        return authorization.substring("Bearer ".length());
    }
}
