package dev.attest.gateway.rest;

import dev.attest.gateway.security.SigningKey;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** The public key the services verify gateway tokens with (RFC 7517 JWK Set). */
@Path("/.well-known/jwks.json")
public class JwksResource {
    private final SigningKey key;

    JwksResource(SigningKey key) {
        this.key = key;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, List<Map<String, String>>> keys() {
        return Map.of("keys", List.of(key.publicJwk()));
    }
}
