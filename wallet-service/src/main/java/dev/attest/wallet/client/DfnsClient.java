package dev.attest.wallet.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.common.alerts.CredentialsRejectedAlerts;
import dev.attest.common.net.OutboundAddressGuard;
import dev.attest.common.net.ProviderPath;
import dev.attest.common.net.RefusedAddressException;
import dev.attest.wallet.config.WalletConfig;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The Dfns API as this service uses it: wallets, their assets and transfers, with User Action Signing on
 * every non-GET call (challenge over the exact body and path, clientData signed by the credential key,
 * single-use action token), retries with backoff on 429/5xx/timeouts (a SmallRye Fault Tolerance guard built from
 * the configuration), and Dfns errors as exceptions. The API base URL is an org admin's choice: every request is
 * first held to the outbound address policy, and sent to the address it was checked at.
 */
@ApplicationScoped
public class DfnsClient {
    /** Dfns speaks camelCase; this mapper is never the application's snake_case one. */
    static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final DfnsHttp http;
    private final OutboundAddressGuard guard;
    private final CredentialsRejectedAlerts alerts;
    private final TypedGuard<DfnsHttp.Answer> retries;

    DfnsClient(DfnsHttp http, OutboundAddressGuard guard, CredentialsRejectedAlerts alerts, WalletConfig config) {
        this.http = http;
        this.guard = guard;
        this.alerts = alerts;
        // Dfns unavailable (429, 5xx, no answer): retried with doubling waits. A refused URL would be refused again,
        // and an open circuit (DfnsHttp) means Dfns is down: neither is retried on the spot.
        this.retries = TypedGuard.create(DfnsHttp.Answer.class)
                .withRetry()
                .maxRetries(config.dfns().maxRetries())
                .delay(config.dfns().retryBackoff().toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .retryOn(DfnsUnavailableException.class)
                .abortOn(List.of(DfnsAddressRefusedException.class, CircuitBreakerOpenException.class))
                .withExponentialBackoff()
                .factor(2)
                .done()
                .done()
                .build();
    }

    /** Creates a wallet; the same {@code externalId} and body answer the wallet made before. */
    public DfnsWallet createWallet(
            DfnsCredentials credentials, String network, String name, String externalId, List<String> tags) {
        ObjectNode body = JSON.createObjectNode().put("network", network).put("name", name);
        body.put("externalId", externalId);
        tags.forEach(body.putArray("tags")::add);
        return as(
                credentials,
                "create-wallet",
                () -> DfnsWallet.from(signedPost(credentials, ProviderPath.of("/wallets"), body)
                        .body()));
    }

    public DfnsWallet getWallet(DfnsCredentials credentials, String walletId) {
        return as(
                credentials,
                "get-wallet",
                () -> DfnsWallet.from(get(credentials, ProviderPath.of("/wallets/{walletId}", walletId))
                        .body()));
    }

    /** The wallet's assets and their balances, as Dfns reads them from the chain. */
    public DfnsWalletAssets getWalletAssets(DfnsCredentials credentials, String walletId) {
        return as(
                credentials,
                "get-wallet-assets",
                () -> DfnsWalletAssets.from(get(credentials, ProviderPath.of("/wallets/{walletId}/assets", walletId))
                        .body()));
    }

    public DfnsPage<DfnsWallet> listWallets(DfnsCredentials credentials, int limit, Optional<String> pageToken) {
        return as(
                credentials,
                "list-wallets",
                () -> page(
                        get(credentials, ProviderPath.of("/wallets").withQuery(pageQuery(limit, pageToken)))
                                .body(),
                        DfnsWallet::from));
    }

    /**
     * The wallet Dfns holds with {@code externalId}, looked for through the listing: after a crash
     * between a create and its record, this finds what the create made, whatever Dfns does with a
     * repeated externalId.
     */
    public Optional<DfnsWallet> findWalletByExternalId(DfnsCredentials credentials, String externalId) {
        Optional<String> pageToken = Optional.empty();
        do {
            DfnsPage<DfnsWallet> page = listWallets(credentials, 100, pageToken);
            Optional<DfnsWallet> found = page.items().stream()
                    .filter(wallet -> externalId.equals(wallet.externalId()))
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
            pageToken = page.nextPageToken();
        } while (pageToken.isPresent());
        return Optional.empty();
    }

    /** Requests a Native transfer ({@code contract} empty) or an Erc20 one; idempotent by {@code externalId}. */
    public DfnsTransfer createTransfer(
            DfnsCredentials credentials,
            String walletId,
            String to,
            String amount,
            Optional<String> contract,
            String externalId) {
        ObjectNode body = JSON.createObjectNode().put("kind", contract.isPresent() ? "Erc20" : "Native");
        contract.ifPresent(address -> body.put("contract", address));
        body.put("to", to).put("amount", amount).put("externalId", externalId);
        return as(credentials, "create-transfer", () -> {
            DfnsHttp.Answer answer =
                    signedPost(credentials, ProviderPath.of("/wallets/{walletId}/transfers", walletId), body);
            return DfnsTransfer.from(answer.body(), answer.status() == 202);
        });
    }

    /**
     * Dfns signs {@code message} with the wallet's key as EIP-191 {@code personal_sign} ({@code kind: Message}); the
     * answer's {@code encoded} signature is r ‖ s ‖ v. The same externalId with the same message answers the same
     * signature, so a retried request never makes a second one.
     */
    public byte[] signMessage(DfnsCredentials credentials, String walletId, byte[] message, String externalId) {
        ObjectNode body = JSON.createObjectNode()
                .put("kind", "Message")
                .put("message", "0x" + java.util.HexFormat.of().formatHex(message))
                .put("externalId", externalId);
        return as(credentials, "sign-message", () -> {
            DfnsHttp.Answer answer =
                    signedPost(credentials, ProviderPath.of("/wallets/{walletId}/signatures", walletId), body);
            String encoded = answer.body().path("signature").path("encoded").asText("");
            if (!answer.body().path("status").asText().equals("Signed") || !encoded.matches("0x[0-9a-fA-F]{130}")) {
                throw new DfnsException(
                        answer.status(),
                        "Dfns did not sign: status "
                                + answer.body().path("status").asText());
            }
            return java.util.HexFormat.of().parseHex(encoded.substring(2));
        });
    }

    public DfnsTransfer getTransfer(DfnsCredentials credentials, String walletId, String transferId) {
        return as(
                credentials,
                "get-transfer",
                () -> DfnsTransfer.from(
                        get(
                                        credentials,
                                        ProviderPath.of(
                                                "/wallets/{walletId}/transfers/{transferId}", walletId, transferId))
                                .body(),
                        false));
    }

    /** One page of the wallet's transfers, in Dfns's order. */
    public DfnsPage<DfnsTransfer> listTransfers(
            DfnsCredentials credentials, String walletId, int limit, Optional<String> pageToken) {
        return as(
                credentials,
                "list-transfers",
                () -> page(
                        get(
                                        credentials,
                                        ProviderPath.of("/wallets/{walletId}/transfers", walletId)
                                                .withQuery(pageQuery(limit, pageToken)))
                                .body(),
                        json -> DfnsTransfer.from(json, false)));
    }

    /**
     * Proves the token with a one-item wallet listing; throws what Dfns answered otherwise, and a
     * {@link DfnsException} with the answer's status when the answer is not a Dfns wallet listing.
     */
    public void proveToken(DfnsCredentials credentials) {
        as(credentials, "check-token", () -> {
            DfnsHttp.Answer answer =
                    get(credentials, ProviderPath.of("/wallets").withQuery("limit=1"));
            if (!answer.body().path("items").isArray()) {
                throw new DfnsException(answer.status(), "the answer is not a Dfns wallet listing");
            }
            return answer;
        });
    }

    /**
     * One wallet listing, without retries: whether Dfns answers these credentials right now (the
     * readiness check). Throws what Dfns answered otherwise.
     */
    public void ping(DfnsCredentials credentials) {
        exchange(credentials, "GET", ProviderPath.of("/wallets").withQuery("limit=1"), null, null);
    }

    /**
     * Proves the signing key: a user-action challenge is obtained and signed, and Dfns accepts the
     * signature. The action token it answers is never used, so nothing is created.
     */
    public void proveSigningKey(DfnsCredentials credentials) {
        as(
                credentials,
                "check-signing-key",
                () -> userAction(
                        credentials,
                        ProviderPath.of("/wallets"),
                        "{\"network\":\"Ethereum\",\"name\":\"attest-credential-check\"}"));
    }

    // A 401/403 means the org's stored credentials no longer work: its admins are alerted (common's alerts).
    private <T> T as(DfnsCredentials credentials, String operation, Supplier<T> call) {
        Optional<String> org = credentials.orgId();
        return org.isPresent() ? alerts.watching(org.get(), "dfns", operation, call) : call.get();
    }

    private DfnsHttp.Answer get(DfnsCredentials credentials, ProviderPath path) {
        return withRetries(() -> exchange(credentials, "GET", path, null, null));
    }

    private DfnsHttp.Answer signedPost(DfnsCredentials credentials, ProviderPath path, ObjectNode body) {
        String payload = write(body);
        // A retry signs a new action: action tokens are single use, and a failed call may have used one.
        return withRetries(() -> exchange(credentials, "POST", path, payload, userAction(credentials, path, payload)));
    }

    /**
     * One request, once its URL passed the outbound address policy (the SSRF guard of every URL a tenant sets), sent
     * to the address the policy checked: the connection is pinned to it, so a name that resolves elsewhere by the
     * time of the request (DNS rebinding) cannot take it there; Host and TLS still use the name. No redirect is
     * followed, so an answer cannot send the request elsewhere either. Checked here, outside {@link DfnsHttp}'s
     * circuit breaker: a refused URL is one org's mistake, not Dfns failing.
     */
    private DfnsHttp.Answer exchange(
            DfnsCredentials credentials, String method, ProviderPath path, String body, String userAction) {
        OutboundAddressGuard.Target target;
        try {
            target = guard.check(path.on(credentials.apiBaseUrl()).toString());
        } catch (RefusedAddressException e) {
            throw new DfnsAddressRefusedException("the Dfns API base URL is refused: " + e.getMessage());
        }
        return http.exchange(credentials, method, path, body, userAction, target.address());
    }

    private String userAction(DfnsCredentials credentials, ProviderPath path, String payload) {
        ObjectNode init = JSON.createObjectNode()
                .put("userActionPayload", payload)
                .put("userActionHttpMethod", "POST")
                .put("userActionHttpPath", path.on(credentials.apiBaseUrl()).getRawPath())
                .put("userActionServerKind", "Api");
        DfnsHttp.Answer initAnswer =
                exchange(credentials, "POST", ProviderPath.of("/auth/action/init"), write(init), null);
        JsonNode challenge = initAnswer.body();
        if (!challenge.path("challenge").isTextual()
                || !challenge.path("challengeIdentifier").isTextual()) {
            throw new DfnsException(initAnswer.status(), "the answer is not a Dfns user-action challenge");
        }
        ObjectNode clientData = JSON.createObjectNode()
                .put("type", "key.get")
                .put("challenge", challenge.path("challenge").asText());
        byte[] clientDataBytes = write(clientData).getBytes(StandardCharsets.UTF_8);
        ObjectNode signed = JSON.createObjectNode()
                .put(
                        "challengeIdentifier",
                        challenge.path("challengeIdentifier").asText());
        ObjectNode factor = signed.putObject("firstFactor").put("kind", "Key");
        factor.putObject("credentialAssertion")
                .put("credId", credentials.credentialId())
                .put("clientData", BASE64URL.encodeToString(clientDataBytes))
                .put(
                        "signature",
                        BASE64URL.encodeToString(CredentialKeys.sign(credentials.signingKey(), clientDataBytes)));
        DfnsHttp.Answer actionAnswer =
                exchange(credentials, "POST", ProviderPath.of("/auth/action"), write(signed), null);
        String action = actionAnswer.body().path("userAction").asText("");
        if (action.isEmpty()) {
            throw new DfnsException(actionAnswer.status(), "the answer is not a Dfns user-action token");
        }
        return action;
    }

    private DfnsHttp.Answer withRetries(Supplier<DfnsHttp.Answer> call) {
        try {
            return retries.call(call::get);
        } catch (CircuitBreakerOpenException e) {
            throw new DfnsUnavailableException("Dfns is failing; calls are paused for a while", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DfnsUnavailableException("interrupted while waiting to retry Dfns", e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> DfnsPage<T> page(JsonNode body, Function<JsonNode, T> item) {
        List<T> items = new ArrayList<>();
        body.path("items").forEach(json -> items.add(item.apply(json)));
        return new DfnsPage<>(
                items, Optional.ofNullable(body.path("nextPageToken").asText(null)));
    }

    private static String pageQuery(int limit, Optional<String> pageToken) {
        return "limit=" + limit
                + pageToken
                        .map(t -> "&paginationToken=" + URLEncoder.encode(t, StandardCharsets.UTF_8))
                        .orElse("");
    }

    private static String write(JsonNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
