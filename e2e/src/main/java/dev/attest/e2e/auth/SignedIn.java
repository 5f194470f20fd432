package dev.attest.e2e.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.e2e.StepFailed;
import dev.attest.e2e.http.HttpJson;
import java.io.IOException;
import java.util.Base64;

/** A signed-in user: the access token and what its claims say about them. */
public record SignedIn(String username, String accessToken, String subject, String email) {

    static SignedIn fromToken(String username, String accessToken) {
        String[] parts = accessToken.split("\\.");
        if (parts.length != 3) {
            throw new StepFailed("the access token for " + username + " is not a JWT");
        }
        try {
            JsonNode claims = HttpJson.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return new SignedIn(
                    username,
                    accessToken,
                    claims.path("sub").asText(),
                    claims.path("email").asText(null));
        } catch (IOException | IllegalArgumentException e) {
            throw new StepFailed("cannot read the claims of " + username + "'s access token", e);
        }
    }
}
