package dev.attest.e2e.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.e2e.Settings;
import dev.attest.e2e.StepFailed;
import dev.attest.e2e.auth.SignedIn;
import dev.attest.e2e.http.HttpJson;
import dev.attest.e2e.http.Reply;
import dev.attest.e2e.probe.Waiting;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What an end user's app does through the gateway with the user's token: start KYC, finish the
 * verification on the provider's hosted page, and read back KYC, wallet and identity; request a transfer.
 */
public final class EndUser {
    /** What the user does on the Persona page. */
    public enum Verification {
        COMPLETE,
        FAIL
    }

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    private final Settings settings;
    private final HttpJson http;
    private final SignedIn user;

    public EndUser(Settings settings, HttpJson http, SignedIn user) {
        this.settings = settings;
        this.http = http;
        this.user = user;
    }

    public SignedIn signedIn() {
        return user;
    }

    /** POST /compliance/kyc: the case, its Persona inquiry and the session token for the hosted flow. */
    public JsonNode startKyc() {
        ObjectNode request = HttpJson.object().put("user_id", user.subject()).put("document_type", "passport");
        request.putObject("personal_info")
                .put("name_first", "Demo")
                .put("name_last", user.username())
                .put("birthdate", "1990-04-01")
                .put("email_address", user.email());
        return http.post(gateway("/compliance/kyc"), user.accessToken(), request)
                .expect(200, 201)
                .json();
    }

    /** What the user's browser does at the session link: open the page, then press complete or fail. */
    public void finishVerification(JsonNode kyc, Verification action) {
        String inquiry = kyc.path("persona_inquiry_id").asText();
        String session = kyc.path("persona_session_token").asText();
        String page = settings.sandboxUrl() + "/persona/verify";
        http.send("GET", page + "?inquiry-id=" + inquiry + "&session-token=" + session, null, null, HTML)
                .expect(200);
        http.postForm(
                        page + "/" + action.name().toLowerCase(),
                        null,
                        Map.of("inquiry-id", inquiry, "session-token", session))
                .expect(200);
    }

    public Reply get(String path) {
        return http.get(gateway(path), user.accessToken());
    }

    /** Polls a GET until its JSON answer matches; 404 counts as "not yet". */
    public JsonNode await(String what, String path, Duration timeout, Predicate<JsonNode> done) {
        return Waiting.until(what, timeout, () -> {
            Reply reply = get(path);
            if (reply.status() == 404) {
                return Optional.empty();
            }
            JsonNode body = reply.expect(200).json();
            return done.test(body) ? Optional.of(body) : Optional.empty();
        });
    }

    public JsonNode awaitKycStatus(String status, Duration timeout) {
        return await(
                "KYC status " + status,
                "/compliance/kyc/me",
                timeout,
                me -> status.equals(me.path("kyc_status").asText()));
    }

    public JsonNode awaitWallet(Duration timeout) {
        return await("a provisioned wallet", "/wallets/me", timeout, w -> {
            if ("failed".equals(w.path("status").asText())) {
                throw new StepFailed("wallet provisioning failed for " + user.username());
            }
            return "provisioned".equals(w.path("status").asText());
        });
    }

    /** The first claim of GET /identities/me once it is issued; a failed issuance fails at once. */
    public JsonNode awaitIssuedClaim(Duration timeout) {
        return Waiting.until("an issued claim on GET /identities/me", timeout, () -> {
            Reply reply = get("/identities/me");
            if (reply.status() == 404) {
                return Optional.empty();
            }
            for (JsonNode claim : reply.expect(200).json().path("claims")) {
                String status = claim.path("status").asText();
                if (status.equals("failed")) {
                    throw new StepFailed("claim issuance failed: "
                            + claim.path("failure_reason").asText());
                }
                if (status.equals("issued")) {
                    return Optional.of(claim);
                }
            }
            return Optional.empty();
        });
    }

    /** GET /identities/verify: answered from the chain by the claim issuer. */
    public JsonNode verifyClaim(String wallet, String topic) {
        return get("/identities/verify?wallet=" + wallet + "&topic=" + topic)
                .expect(200)
                .json();
    }

    /** POST /wallets/{id}/transfers of native value, with a fresh Idempotency-Key. */
    public JsonNode requestTransfer(String walletId, String to, BigInteger amount) {
        return requestTransfer(walletId, to, amount, false);
    }

    /**
     * A native transfer out of the user's wallet; {@code sponsored}: out of its smart account, the project's
     * paymaster paying the gas (ERC-4337).
     */
    public JsonNode requestTransfer(String walletId, String to, BigInteger amount, boolean sponsored) {
        ObjectNode transfer = HttpJson.object()
                .put("kind", "native")
                .put("to", to)
                .put("amount", amount.toString())
                .put("sponsored", sponsored);
        return http.send(
                        "POST",
                        gateway("/wallets/" + walletId + "/transfers"),
                        user.accessToken(),
                        transfer,
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .expect(200, 201, 202)
                .json();
    }

    private String gateway(String path) {
        return settings.gatewayUrl() + path;
    }
}
