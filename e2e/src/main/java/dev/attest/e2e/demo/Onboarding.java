package dev.attest.e2e.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.e2e.Settings;
import dev.attest.e2e.StepFailed;
import dev.attest.e2e.auth.Keycloak;
import dev.attest.e2e.auth.SignedIn;
import dev.attest.e2e.client.EndUser;
import dev.attest.e2e.client.OrgAdmin;
import dev.attest.e2e.http.HttpJson;
import dev.attest.e2e.probe.Chain;
import dev.attest.e2e.probe.Mailbox;
import dev.attest.e2e.probe.NotificationStream;
import dev.attest.e2e.probe.Waiting;
import dev.attest.e2e.probe.WebhookReceiver;
import dev.attest.e2e.tenant.DemoTenant;
import dev.attest.e2e.tenant.DemoTenantSetup;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One end user's onboarding against the running platform, through the gateway only, as a real client
 * would do it: sign up and sign in at Keycloak, start KYC, complete the Persona sandbox's hosted page,
 * then follow the user to verified, a custody wallet, an OnchainID identity with a valid KYC claim, the
 * notifications (live stream, the admin's email, a signed webhook), and a transfer that is confirmed on
 * chain.
 */
public final class Onboarding {
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    /** The test mnemonic's deterministic account 9 (anvil's accounts): receives the demo's transfer; no service sends from it. */
    private static final String RECIPIENT = "0x1df62f291b2e969fb0849d99d9ce41e2f137006e";

    private static final BigInteger AMOUNT = new BigInteger("1000000000000000"); // 0.001 ether
    /** The demo project's monthly gas budget: 0.1 ether. */
    private static final BigInteger SPONSOR_BUDGET = new BigInteger("100000000000000000");

    private final Settings settings;
    private final HttpJson http = new HttpJson();
    private final Chain chain;
    private final Keycloak keycloak;
    private final StepLog log;

    public Onboarding(Settings settings, StepLog log) {
        this.settings = settings;
        this.keycloak = new Keycloak(settings, http);
        this.chain = new Chain(http, settings.evmRpcUrl());
        this.log = log;
    }

    public void run() throws Exception {
        DemoTenant tenant = log.step(
                "demo organization ready",
                () -> new DemoTenantSetup(settings, http, keycloak).ensure(),
                t -> "org " + t.slug() + " (" + t.orgId() + "), project " + t.projectId());
        SignedIn admin = keycloak.signIn("org-admin", "org-admin");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String endpointId = log.step(
                    "webhook endpoint registered for the demo receiver",
                    () -> registerEndpoint(tenant, admin, receiver),
                    id -> receiver.url());
            try {
                onboard(tenant, admin, receiver);
            } finally {
                http.send(
                        "DELETE",
                        gateway("/orgs/" + tenant.orgId() + "/projects/" + tenant.projectId() + "/webhooks/endpoints/"
                                + endpointId),
                        admin.accessToken(),
                        null,
                        Map.of());
            }
        }
    }

    private void onboard(DemoTenant tenant, SignedIn admin, WebhookReceiver receiver) {
        String username = "demo-" + Long.toString(System.currentTimeMillis(), 36);
        SignedIn user = log.step(
                "user signed up and signed in at Keycloak",
                () -> keycloak.signUp(username, UUID.randomUUID().toString(), tenant.slug()),
                u -> u.username() + " (" + u.subject() + ")");
        EndUser client = new EndUser(settings, http, user);
        try (NotificationStream stream = log.step(
                "live notification stream open",
                () -> NotificationStream.open(http, settings.gatewayUrl(), user.accessToken()),
                s -> "GET /notifications/me/stream")) {
            JsonNode kyc = log.step(
                    "KYC started",
                    client::startKyc,
                    k -> "case " + k.path("case_id").asText() + ", inquiry "
                            + k.path("persona_inquiry_id").asText());
            String caseId = kyc.path("case_id").asText();
            log.step(
                    "verification completed on the Persona sandbox's page",
                    () -> client.finishVerification(kyc, EndUser.Verification.COMPLETE));
            log.step(
                    "KYC verified (from Persona's signed webhook)",
                    () -> client.awaitKycStatus("verified", STEP_TIMEOUT),
                    me -> me.path("kyc_message").asText());
            JsonNode wallet = log.step(
                    "custody wallet provisioned at Dfns",
                    () -> client.awaitWallet(STEP_TIMEOUT),
                    w -> w.path("network").asText() + " " + w.path("address").asText());
            String address = wallet.path("address").asText();
            String walletId = wallet.path("wallet_id").asText();
            JsonNode claim = log.step(
                    "OnchainID identity created and KYC claim issued",
                    () -> client.awaitIssuedClaim(STEP_TIMEOUT),
                    c -> "claim " + abbreviate(c.path("claim_id").asText()) + " in tx "
                            + abbreviate(c.path("tx_hash").asText()));
            log.step(
                    "claim valid on chain (ClaimIssuer.isClaimValid)",
                    () -> verifyOnChain(client, address, claim),
                    v -> "identity " + v.path("identity_address").asText());
            log.step(
                    "claim references recorded on the KYC case",
                    () -> client.await(
                            "the case's kyc_claim_id", "/compliance/kyc/" + caseId, STEP_TIMEOUT, c -> claim.path(
                                            "claim_id")
                                    .asText()
                                    .equalsIgnoreCase(c.path("kyc_claim_id").asText())),
                    c -> "kyc_claim_tx_hash "
                            + abbreviate(c.path("kyc_claim_tx_hash").asText()));
            log.step(
                    "in-app notifications arrived live",
                    () -> {
                        stream.await("a notification about the wallet", STEP_TIMEOUT, n -> mentions(n, "wallet"));
                        stream.await("a notification about the claim", STEP_TIMEOUT, n -> mentions(n, "claim"));
                        return stream.received().size();
                    },
                    count -> count + " notifications on the stream");
            log.step(
                    "org admin emailed about the new wallet",
                    () -> new Mailbox(http, settings.greenMailApiUrl())
                            .await(
                                    admin.email(),
                                    "an email to " + admin.email() + " about " + username + "'s wallet",
                                    STEP_TIMEOUT,
                                    m -> m.path("mimeMessage").asText().contains(address)
                                            || m.path("mimeMessage").asText().contains(user.subject())),
                    m -> "\"" + m.path("subject").asText() + "\" to " + admin.email());
            log.step(
                    "signed webhook received and verified",
                    () -> receiver.await("a webhook about " + username, STEP_TIMEOUT, p -> user.subject()
                            .equals(p.path("data").path("user_id").asText())),
                    d -> d.payload().path("type").asText() + " (" + d.id() + ")");
            BigInteger before = chain.balance(RECIPIENT);
            JsonNode transfer = log.step(
                    "transfer requested",
                    () -> client.requestTransfer(walletId, RECIPIENT, AMOUNT),
                    t -> AMOUNT + " wei to " + RECIPIENT + ", "
                            + t.path("status").asText());
            JsonNode confirmed = log.step(
                    "transfer confirmed",
                    () -> client.await(
                            "the transfer confirmed",
                            "/wallets/" + walletId + "/transfers/"
                                    + transfer.path("transfer_id").asText(),
                            STEP_TIMEOUT,
                            t -> {
                                String status = t.path("status").asText();
                                if (status.equals("failed") || status.equals("rejected")) {
                                    throw new StepFailed("the transfer ended " + status + ": " + t.path("reason"));
                                }
                                return status.equals("confirmed");
                            }),
                    t -> "tx " + abbreviate(t.path("tx_hash").asText()));
            log.step(
                    "value moved on chain",
                    () -> {
                        if (!chain.succeeded(confirmed.path("tx_hash").asText())) {
                            throw new StepFailed("the transfer's receipt is missing or failed");
                        }
                        BigInteger moved = chain.balance(RECIPIENT).subtract(before);
                        if (moved.compareTo(AMOUNT) < 0) {
                            throw new StepFailed("the recipient's balance grew by " + moved + " wei, not " + AMOUNT);
                        }
                        return moved;
                    },
                    moved -> "recipient +" + moved + " wei");
            log.step(
                    "org admin's listings show the wallet and the transfer",
                    () -> {
                        OrgAdmin orgAdmin = new OrgAdmin(settings, http, admin);
                        boolean walletListed = orgAdmin.listAll(tenant.orgId(), "wallets").stream()
                                .anyMatch(w -> address.equalsIgnoreCase(
                                                w.path("address").asText())
                                        && user.subject()
                                                .equals(w.path("user_id").asText()));
                        boolean transferListed = orgAdmin.listAll(tenant.orgId(), "transactions").stream()
                                .anyMatch(t -> transfer.path("transfer_id")
                                                .asText()
                                                .equals(t.path("transfer_id").asText())
                                        && "confirmed".equals(t.path("status").asText()));
                        if (!walletListed || !transferListed) {
                            throw new StepFailed("GET /orgs/{org}/wallets lists the wallet: " + walletListed
                                    + ", GET /orgs/{org}/transactions lists the confirmed transfer: " + transferListed);
                        }
                        return "";
                    },
                    d -> "GET /orgs/" + tenant.slug() + "/wallets and /transactions");
            log.step(
                    "transfer notification arrived live",
                    () -> stream.await(
                            "a notification about the transfer",
                            STEP_TIMEOUT,
                            n -> mentions(n, "transfer") && mentions(n, "confirm")),
                    n -> n.path("text").asText());
            sponsoredTransfer(tenant, client, admin, walletId);
            log.step(
                    "verification withdrawn by a reviewer at Persona",
                    () -> withdrawAtPersona(kyc.path("persona_inquiry_id").asText()),
                    d -> "POST /api/v1/inquiries/{id}/decline, as the dashboard does");
            log.step(
                    "KYC rejected (from Persona's signed webhook)",
                    () -> client.awaitKycStatus("rejected", STEP_TIMEOUT),
                    me -> me.path("kyc_message").asText());
            log.step(
                    "KYC claim revoked on chain (isClaimValid false)",
                    () -> awaitRevoked(client, address, claim),
                    v -> "claim " + abbreviate(v.path("claim_id").asText()) + " no longer valid");
        }
    }

    /**
     * Gas sponsorship (ERC-4337): the org admin has the project pay its users' gas; the user moves value into their
     * smart account (a plain custody transfer, which pays its own gas), then sends exactly that value on from the
     * smart account: were any gas charged to the account, the operation could not run.
     */
    private void sponsoredTransfer(DemoTenant tenant, EndUser client, SignedIn admin, String walletId) {
        log.step(
                "gas sponsorship enabled for the project",
                () -> http.send(
                                "PUT",
                                gateway("/orgs/" + tenant.orgId() + "/sponsorship/" + tenant.projectId()),
                                admin.accessToken(),
                                HttpJson.object()
                                        .put("enabled", true)
                                        .put("monthly_budget", SPONSOR_BUDGET.toString())
                                        .put(
                                                "user_daily_cap",
                                                SPONSOR_BUDGET
                                                        .divide(BigInteger.TEN)
                                                        .toString()),
                                Map.of())
                        .expect(200)
                        .json(),
                p -> "monthly budget " + p.path("monthly_budget").asText() + " wei");
        JsonNode me = log.step(
                "smart account ready and sponsorship available",
                () -> client.await(
                        "the smart account and sponsorship",
                        "/wallets/me",
                        STEP_TIMEOUT,
                        w -> w.path("smart_account").hasNonNull("address")
                                && w.path("sponsorship").path("available").asBoolean()),
                w -> "SimpleAccount " + w.path("smart_account").path("address").asText() + " (counterfactual)");
        String account = me.path("smart_account").path("address").asText();
        JsonNode funding = log.step(
                "smart account funded from the custody wallet",
                () -> awaitTransfer(client, walletId, client.requestTransfer(walletId, account, AMOUNT)),
                t -> AMOUNT + " wei, tx " + abbreviate(t.path("tx_hash").asText()));
        BigInteger before = chain.balance(RECIPIENT);
        JsonNode sponsored = log.step(
                "sponsored transfer confirmed (UserOperation through the bundler)",
                () -> awaitTransfer(client, walletId, client.requestTransfer(walletId, RECIPIENT, AMOUNT, true)),
                t -> "userOp " + abbreviate(t.path("user_op_hash").asText()) + ", gas paid by the paymaster "
                        + t.path("gas_cost").asText() + " wei");
        log.step(
                "value moved and the smart account paid no gas",
                () -> {
                    BigInteger moved = chain.balance(RECIPIENT).subtract(before);
                    BigInteger left = chain.balance(account);
                    if (moved.compareTo(AMOUNT) != 0
                            || left.signum() != 0
                            || funding.path("tx_hash").isNull()) {
                        throw new StepFailed("the recipient got " + moved + " wei and the smart account kept " + left);
                    }
                    return moved;
                },
                moved -> "recipient +" + moved + " wei, smart account 0 wei");
        log.step(
                "the project's sponsorship usage shows the gas",
                () -> Waiting.until("the settled gas in the project's usage", STEP_TIMEOUT, () -> {
                    JsonNode policy = http.get(
                                    gateway("/orgs/" + tenant.orgId() + "/sponsorship/" + tenant.projectId()),
                                    admin.accessToken())
                            .expect(200)
                            .json();
                    BigInteger spent =
                            new BigInteger(policy.path("usage").path("spent").asText("0"));
                    return spent.compareTo(new BigInteger(
                                            sponsored.path("gas_cost").asText()))
                                    >= 0
                            ? Optional.of(policy)
                            : Optional.empty();
                }),
                p -> "spent " + p.path("usage").path("spent").asText() + " wei this month");
    }

    /** Follows a transfer to {@code confirmed}; failed or rejected stops the demo. */
    private JsonNode awaitTransfer(EndUser client, String walletId, JsonNode transfer) {
        return client.await(
                "the transfer confirmed",
                "/wallets/" + walletId + "/transfers/"
                        + transfer.path("transfer_id").asText(),
                STEP_TIMEOUT,
                t -> {
                    String status = t.path("status").asText();
                    if (status.equals("failed") || status.equals("rejected")) {
                        throw new StepFailed("the transfer ended " + status + ": " + t.path("reason"));
                    }
                    return status.equals("confirmed");
                });
    }

    /**
     * What a compliance officer does in Persona's dashboard when they reverse an approval; the sandbox takes
     * it on Persona's API with the organization's key (the local sandbox's test key).
     */
    private String withdrawAtPersona(String inquiryId) {
        http.send(
                        "POST",
                        settings.sandboxUrl() + "/persona/api/v1/inquiries/" + inquiryId + "/decline",
                        DemoTenantSetup.PERSONA_API_KEY,
                        HttpJson.object(),
                        Map.of())
                .expect(200);
        return inquiryId;
    }

    private JsonNode awaitRevoked(EndUser client, String wallet, JsonNode claim) {
        return Waiting.until("isClaimValid false for the revoked claim", STEP_TIMEOUT, () -> {
            JsonNode verification =
                    client.verifyClaim(wallet, claim.path("topic").asText());
            return verification.path("valid").asBoolean() ? Optional.empty() : Optional.of(verification);
        });
    }

    private String registerEndpoint(DemoTenant tenant, SignedIn admin, WebhookReceiver receiver) {
        ObjectNode endpoint = HttpJson.object().put("url", receiver.url()).put("description", "attest demo receiver");
        JsonNode created = http.post(
                        gateway("/orgs/" + tenant.orgId() + "/projects/" + tenant.projectId() + "/webhooks/endpoints"),
                        admin.accessToken(),
                        endpoint)
                .expect(201)
                .json();
        receiver.useSecret(created.path("secret").asText());
        return created.path("id").asText();
    }

    private JsonNode verifyOnChain(EndUser client, String wallet, JsonNode claim) {
        JsonNode verification = client.verifyClaim(wallet, claim.path("topic").asText());
        if (!verification.path("valid").asBoolean()) {
            throw new StepFailed("the issuer says the claim is not valid: " + verification);
        }
        if (!chain.hasCode(verification.path("identity_address").asText())) {
            throw new StepFailed("no contract at the identity address " + verification.path("identity_address"));
        }
        return verification;
    }

    private static boolean mentions(JsonNode notification, String word) {
        return (notification.path("type").asText() + " "
                        + notification.path("text").asText())
                .toLowerCase()
                .contains(word);
    }

    private static String abbreviate(String hex) {
        return hex.length() > 14 ? hex.substring(0, 10) + "…" + hex.substring(hex.length() - 4) : hex;
    }

    private String gateway(String path) {
        return settings.gatewayUrl() + path;
    }
}
