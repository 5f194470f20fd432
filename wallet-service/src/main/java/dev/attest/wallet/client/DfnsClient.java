package dev.attest.wallet.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.common.alerts.CredentialsRejectedAlerts;
import dev.attest.common.net.OutboundAddressGuard;
import dev.attest.common.net.RefusedAddressException;
import dev.attest.wallet.config.WalletConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * single-use action token), retries with backoff on 429/5xx/timeouts, and Dfns errors as exceptions. The API
 * base URL is an org admin's choice: every request is first held to the outbound address policy.
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
    private final int maxRetries;
    private final Duration backoff;

    DfnsClient(DfnsHttp http, OutboundAddressGuard guard, CredentialsRejectedAlerts alerts, WalletConfig config) {
        this.http = http;
        this.guard = guard;
        this.alerts = alerts;
        this.maxRetries = config.dfns().maxRetries();
        this.backoff = config.dfns().retryBackoff();
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
                () -> DfnsWallet.from(signedPost(credentials, "/wallets", body).body()));
    }

    public DfnsWallet getWallet(DfnsCredentials credentials, String walletId) {
        return as(
                credentials,
                "get-wallet",
                () -> DfnsWallet.from(
                        get(credentials, "/wallets/" + encode(walletId)).body()));
    }

    /** The wallet's assets and their balances, as Dfns reads them from the chain. */
    public DfnsWalletAssets getWalletAssets(DfnsCredentials credentials, String walletId) {
        return as(
                credentials,
                "get-wallet-assets",
                () -> DfnsWalletAssets.from(get(credentials, "/wallets/" + encode(walletId) + "/assets")
                        .body()));
    }

    public DfnsPage<DfnsWallet> listWallets(DfnsCredentials credentials, int limit, Optional<String> pageToken) {
        return as(
                credentials,
                "list-wallets",
                () -> page(
                        get(credentials, "/wallets" + pageQuery(limit, pageToken))
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
            DfnsHttp.Answer answer = signedPost(credentials, "/wallets/" + encode(walletId) + "/transfers", body);
            return DfnsTransfer.from(answer.body(), answer.status() == 202);
        });
    }

    public DfnsTransfer getTransfer(DfnsCredentials credentials, String walletId, String transferId) {
        return as(
                credentials,
                "get-transfer",
                () -> DfnsTransfer.from(
                        get(credentials, "/wallets/" + encode(walletId) + "/transfers/" + encode(transferId))
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
                        get(credentials, "/wallets/" + encode(walletId) + "/transfers" + pageQuery(limit, pageToken))
                                .body(),
                        json -> DfnsTransfer.from(json, false)));
    }

    /**
     * Proves the token with a one-item wallet listing; throws what Dfns answered otherwise, and a
     * {@link DfnsException} with the answer's status when the answer is not a Dfns wallet listing.
     */
    public void proveToken(DfnsCredentials credentials) {
        as(credentials, "check-token", () -> {
            DfnsHttp.Answer answer = get(credentials, "/wallets?limit=1");
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
        exchange(credentials, "GET", "/wallets?limit=1", null, null);
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
                        credentials, "/wallets", "{\"network\":\"Ethereum\",\"name\":\"attest-credential-check\"}"));
    }

    // A 401/403 means the org's stored credentials no longer work: its admins are alerted (common's alerts).
    private <T> T as(DfnsCredentials credentials, String operation, Supplier<T> call) {
        Optional<String> org = credentials.orgId();
        return org.isPresent() ? alerts.watching(org.get(), "dfns", operation, call) : call.get();
    }

    private DfnsHttp.Answer get(DfnsCredentials credentials, String path) {
        return withRetries(() -> exchange(credentials, "GET", path, null, null));
    }

    private DfnsHttp.Answer signedPost(DfnsCredentials credentials, String path, ObjectNode body) {
        String payload = write(body);
        // A retry signs a new action: action tokens are single use, and a failed call may have used one.
        return withRetries(() -> exchange(credentials, "POST", path, payload, userAction(credentials, path, payload)));
    }

    /**
     * One request, once its URL passed the outbound address policy (the SSRF guard of every URL a tenant sets).
     * The JDK's HttpClient connects to the name, not to an address we hand it, so the checked address cannot be
     * pinned: the check runs right before each request instead, and both resolve the name through the JVM's
     * InetAddress cache, so they see the same address unless the cached entry expires in between (30 s by
     * default). The client follows no redirect, so an answer cannot send the request elsewhere. Checked here,
     * outside {@link DfnsHttp}'s circuit breaker: a refused URL is one org's mistake, not Dfns failing.
     */
    private DfnsHttp.Answer exchange(
            DfnsCredentials credentials, String method, String path, String body, String userAction) {
        URI uri = uri(credentials, path);
        try {
            guard.check(uri.toString());
        } catch (RefusedAddressException e) {
            throw new DfnsAddressRefusedException("the Dfns API base URL is refused: " + e.getMessage());
        }
        return http.exchange(credentials, method, uri, body, userAction);
    }

    private String userAction(DfnsCredentials credentials, String path, String payload) {
        ObjectNode init = JSON.createObjectNode()
                .put("userActionPayload", payload)
                .put("userActionHttpMethod", "POST")
                .put("userActionHttpPath", uri(credentials, path).getRawPath())
                .put("userActionServerKind", "Api");
        DfnsHttp.Answer initAnswer = exchange(credentials, "POST", "/auth/action/init", write(init), null);
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
        DfnsHttp.Answer actionAnswer = exchange(credentials, "POST", "/auth/action", write(signed), null);
        String action = actionAnswer.body().path("userAction").asText("");
        if (action.isEmpty()) {
            throw new DfnsException(actionAnswer.status(), "the answer is not a Dfns user-action token");
        }
        return action;
    }

    private DfnsHttp.Answer withRetries(Supplier<DfnsHttp.Answer> call) {
        long wait = backoff.toMillis();
        for (int attempt = 0; ; attempt++) {
            try {
                return call.get();
            } catch (CircuitBreakerOpenException e) {
                throw new DfnsUnavailableException("Dfns is failing; calls are paused for a while", e);
            } catch (DfnsAddressRefusedException e) {
                throw e; // the same URL would be refused again
            } catch (DfnsUnavailableException e) {
                if (attempt >= maxRetries) {
                    throw e;
                }
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DfnsUnavailableException("interrupted while waiting to retry Dfns", e);
            }
            wait *= 2;
        }
    }

    private static <T> DfnsPage<T> page(JsonNode body, Function<JsonNode, T> item) {
        List<T> items = new ArrayList<>();
        body.path("items").forEach(json -> items.add(item.apply(json)));
        return new DfnsPage<>(
                items, Optional.ofNullable(body.path("nextPageToken").asText(null)));
    }

    private static String pageQuery(int limit, Optional<String> pageToken) {
        return "?limit=" + limit
                + pageToken.map(t -> "&paginationToken=" + encode(t)).orElse("");
    }

    private static URI uri(DfnsCredentials credentials, String path) {
        String base = credentials.apiBaseUrl();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String write(JsonNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
