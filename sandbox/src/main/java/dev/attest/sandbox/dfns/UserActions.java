package dev.attest.sandbox.dfns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * User Action Signing as Dfns does it: a challenge bound to the exact method, path and body of the
 * request to come; the credential's signature over {@code clientData} proves it; the action token it
 * earns is good for that one request only.
 */
@ApplicationScoped
public class UserActions {
    private final DfnsSandboxConfig config;
    private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();
    private final Map<String, Action> tokens = new ConcurrentHashMap<>();

    record Action(String orgId, String method, String path, String payload) {}

    private record Challenge(String challenge, Action action, Instant expires) {}

    UserActions(DfnsSandboxConfig config) {
        this.config = config;
    }

    /** {@code POST /auth/action/init}: a challenge for the request described in {@code body}. */
    ObjectNode init(ServiceAccounts.Account account, ObjectNode body) {
        String payload = requiredText(body, "userActionPayload");
        String method = requiredText(body, "userActionHttpMethod");
        String path = requiredText(body, "userActionHttpPath");
        String challenge =
                CredentialKeys.base64Url(java.util.UUID.randomUUID().toString().getBytes());
        String identifier = Ids.next("ch");
        challenges.put(
                identifier,
                new Challenge(
                        challenge,
                        new Action(account.orgId(), method.toUpperCase(), path, payload),
                        Instant.now().plus(config.challengeTtl())));

        ObjectNode answer = DfnsJson.object();
        answer.put("challenge", challenge);
        answer.put("challengeIdentifier", identifier);
        ArrayNode kinds = answer.putArray("supportedCredentialKinds");
        ObjectNode key = kinds.addObject();
        key.put("kind", "Key");
        key.put("factor", "Either");
        key.put("requiresSecondFactor", false);
        answer.put("userVerification", "required");
        answer.put("attestation", "direct");
        ObjectNode allow = answer.putObject("allowCredentials");
        ArrayNode keys = allow.putArray("key");
        account.credentials()
                .keySet()
                .forEach(id -> keys.addObject().put("type", "public-key").put("id", id));
        allow.putArray("webauthn");
        answer.put("externalAuthenticationUrl", "");
        return answer;
    }

    /** {@code POST /auth/action}: checks the signed challenge and answers a single-use action token. */
    ObjectNode sign(ServiceAccounts.Account account, ObjectNode body) {
        Challenge challenge = challenges.remove(requiredText(body, "challengeIdentifier"));
        if (challenge == null
                || challenge.expires().isBefore(Instant.now())
                || !challenge.action().orgId().equals(account.orgId())) {
            throw DfnsApiException.unauthorized("Challenge is unknown, expired or already used");
        }
        JsonNode assertion = body.path("firstFactor").path("credentialAssertion");
        if (!"Key".equals(body.path("firstFactor").path("kind").asText())) {
            throw DfnsApiException.badRequest("firstFactor.kind must be Key");
        }
        PublicKey key = account.credentials().get(assertion.path("credId").asText());
        if (key == null) {
            throw DfnsApiException.unauthorized("Credential is not registered for this token");
        }
        byte[] clientData =
                CredentialKeys.base64Url(assertion.path("clientData").asText());
        JsonNode parsed = DfnsJson.parseObject(CredentialKeys.utf8(clientData));
        if (!"key.get".equals(parsed.path("type").asText())
                || !challenge.challenge().equals(parsed.path("challenge").asText())) {
            throw DfnsApiException.unauthorized("clientData does not answer this challenge");
        }
        if (!CredentialKeys.verifies(
                key,
                clientData,
                CredentialKeys.base64Url(assertion.path("signature").asText()))) {
            throw DfnsApiException.unauthorized("Signature does not verify with the registered credential");
        }
        String token = Ids.next("ua") + Ids.next("");
        tokens.put(token, challenge.action());
        ObjectNode answer = DfnsJson.object();
        answer.put("userAction", token);
        return answer;
    }

    /** Consumes the action token of a non-GET request; it must name exactly this request. */
    void consume(ServiceAccounts.Account account, String token, String method, String path, String body) {
        if (token == null || token.isBlank()) {
            throw DfnsApiException.unauthorized("x-dfns-useraction header is required for this request");
        }
        Action action = tokens.remove(token);
        if (action == null) {
            throw DfnsApiException.unauthorized("User action token is unknown or already used");
        }
        if (!action.orgId().equals(account.orgId())
                || !action.method().equals(method)
                || !signedPathMatches(action.path(), path)
                || !action.payload().equals(body == null ? "" : body)) {
            throw DfnsApiException.unauthorized("User action was signed for another request");
        }
    }

    /**
     * Dfns signs the request's path from its API root. The sandbox serves that root under
     * {@link DfnsApiResource#MOUNT}, so a client may sign the path with the mount (our client, which signs
     * the URL's path) or without it (the Dfns SDK, which resolves its paths against the host's root).
     */
    private static boolean signedPathMatches(String signed, String requested) {
        return signed.equals(requested) || (DfnsApiResource.MOUNT + signed).equals(requested);
    }

    private static String requiredText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw DfnsApiException.badRequest(field + " is required");
        }
        return value.asText();
    }
}
