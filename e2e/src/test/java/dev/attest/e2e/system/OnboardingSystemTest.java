package dev.attest.e2e.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.e2e.Settings;
import dev.attest.e2e.auth.Keycloak;
import dev.attest.e2e.auth.SignedIn;
import dev.attest.e2e.client.EndUser;
import dev.attest.e2e.client.EndUser.Verification;
import dev.attest.e2e.client.OrgAdmin;
import dev.attest.e2e.http.HttpJson;
import dev.attest.e2e.tenant.DemoTenant;
import dev.attest.e2e.tenant.DemoTenantSetup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform as operators run it (every service its own process, real PostgreSQL, Kafka, anvil,
 * GreenMail and Keycloak, started by {@code ./attest up}), driven only through the gateway: a batch of
 * users onboarded concurrently while Persona delivers every webhook twice and in reverse order, and
 * wallet-service is killed with SIGKILL in the middle and started again.
 */
@ExtendWith(TheStack.class)
class OnboardingSystemTest {
    private static final int VERIFIED_USERS = 6;
    private static final int REJECTED_USERS = 3;
    private static final Duration CONVERGE = Duration.ofMinutes(3);

    private static LocalStack stack;
    private static Settings settings;
    private static final HttpJson http = new HttpJson();
    private static Keycloak keycloak;
    private static DemoTenant tenant;

    /** One user of the batch and the case they opened. */
    private record Journey(EndUser user, JsonNode kyc, Verification action) {
        String subject() {
            return user.signedIn().subject();
        }
    }

    @BeforeAll
    static void startPlatform(LocalStack platform) throws Exception {
        stack = platform;
        settings = stack.settings();
        keycloak = new Keycloak(settings, http);
        tenant = new DemoTenantSetup(settings, http, keycloak).ensure();
        deliverEveryPersonaWebhookTwiceInReverseOrder();
    }

    @Test
    void everyUserReachesTheRightEndStateDespiteDuplicatesReorderingAndACrash() throws Exception {
        List<Journey> journeys = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Journey>> started = new ArrayList<>();
            for (int i = 0; i < VERIFIED_USERS + REJECTED_USERS; i++) {
                Verification action = i < VERIFIED_USERS ? Verification.COMPLETE : Verification.FAIL;
                started.add(pool.submit(() -> onboard(action)));
                if (i == VERIFIED_USERS / 2) {
                    // Mid-batch: the earlier users' wallets are being provisioned right now.
                    stack.kill("wallet-service");
                }
            }
            for (Future<Journey> journey : started) {
                journeys.add(journey.get());
            }
        } finally {
            pool.shutdown();
        }
        stack.restartMissing();
        for (Journey journey : journeys) {
            redeliverShuffled(journey.kyc().path("persona_inquiry_id").asText());
        }

        SignedIn admin = keycloak.signIn("org-admin", "org-admin");
        for (Journey journey : journeys) {
            if (journey.action() == Verification.COMPLETE) {
                assertVerifiedWithOneWalletIdentityAndClaim(journey, admin);
            }
        }
        for (Journey journey : journeys) {
            if (journey.action() == Verification.FAIL) {
                assertRejectedWithNothing(journey);
            }
        }
        for (Journey journey : journeys) {
            assertOneTransitionPerState(journey, admin);
        }
        assertAnotherOrganizationSeesNothing(journeys);
        new EventLedger(stack).assertNothingLost();
    }

    private static Journey onboard(Verification action) {
        String username = "sys-" + UUID.randomUUID().toString().substring(0, 8);
        SignedIn signedIn = keycloak.signUp(username, UUID.randomUUID().toString(), tenant.slug());
        EndUser user = new EndUser(settings, http, signedIn);
        JsonNode kyc = user.startKyc();
        user.finishVerification(kyc, action);
        return new Journey(user, kyc, action);
    }

    private void assertVerifiedWithOneWalletIdentityAndClaim(Journey journey, SignedIn admin) {
        EndUser user = journey.user();
        user.awaitKycStatus("verified", CONVERGE);
        JsonNode wallet = user.awaitWallet(CONVERGE);
        JsonNode claim = user.awaitIssuedClaim(CONVERGE);
        // ERC-4337 is on in the stack: the custody wallet's smart account is linked to the identity as its second
        // wallet.
        String smartAccount = user.await(
                        "the wallet's smart account", "/wallets/me", CONVERGE, w -> w.path("smart_account")
                                .hasNonNull("address"))
                .path("smart_account")
                .path("address")
                .asText();
        JsonNode identity = user.await(
                "the identity with the wallet and its smart account",
                "/identities/me",
                CONVERGE,
                i -> i.path("wallets").size() >= 2);
        assertThat(identity.path("claims"))
                .as("claims of %s", journey.subject())
                .hasSize(1);
        assertThat(identity.path("wallets")).hasSize(2);
        assertThat(identity.path("wallets").path(0).asText())
                .isEqualToIgnoringCase(wallet.path("address").asText());
        assertThat(identity.path("wallets").path(1).asText()).isEqualToIgnoringCase(smartAccount);
        JsonNode verification = user.verifyClaim(
                wallet.path("address").asText(), claim.path("topic").asText());
        assertThat(verification.path("valid").asBoolean())
                .as("isClaimValid for %s", journey.subject())
                .isTrue();
        assertThat(walletsOf(journey.subject(), admin))
                .as("wallets of %s at Dfns", journey.subject())
                .isEqualTo(1L);
    }

    private void assertRejectedWithNothing(Journey journey) {
        EndUser user = journey.user();
        user.awaitKycStatus("rejected", CONVERGE);
        assertThat(user.get("/wallets/me").expect(200).json().path("status").asText())
                .isEqualTo("none");
        assertThat(user.get("/identities/me").status()).isEqualTo(404);
    }

    /** The case's history holds each state once, however often and in whatever order Persona told it. */
    private void assertOneTransitionPerState(Journey journey, SignedIn admin) {
        String caseId = journey.kyc().path("case_id").asText();
        JsonNode history = http.get(
                        settings.gatewayUrl() + "/orgs/" + tenant.orgId() + "/kyc/cases/" + caseId + "/history",
                        admin.accessToken())
                .expect(200)
                .json();
        List<String> states = new ArrayList<>();
        for (JsonNode entry : history) {
            String from = entry.path("from_status").asText();
            String to = entry.path("to_status").asText();
            if (!to.equals(from)) {
                states.add(to);
            }
        }
        assertThat(states).as("transitions of case %s", caseId).doesNotHaveDuplicates();
        assertThat(states).contains(journey.action() == Verification.COMPLETE ? "verified" : "rejected");
    }

    private void assertAnotherOrganizationSeesNothing(List<Journey> journeys) {
        String slug = "other-" + UUID.randomUUID().toString().substring(0, 8);
        SignedIn platformAdmin = keycloak.signIn("platform-admin", "platform-admin");
        ObjectNode organization =
                HttpJson.object().put("name", "Other Organization").put("slug", slug);
        http.post(settings.gatewayUrl() + "/orgs", platformAdmin.accessToken(), organization)
                .expect(201);
        SignedIn otherAdmin = keycloak.signUp(slug + "-admin", UUID.randomUUID().toString(), slug, "org-admin");
        for (String path : List.of("/wallets", "/transactions", "/kyc/cases")) {
            assertThat(http.get(settings.gatewayUrl() + "/orgs/" + tenant.orgId() + path, otherAdmin.accessToken())
                            .status())
                    .as("another organization's admin on %s", path)
                    .isEqualTo(404);
        }
        for (Journey journey : journeys) {
            String caseId = journey.kyc().path("case_id").asText();
            assertThat(http.get(settings.gatewayUrl() + "/compliance/kyc/" + caseId, otherAdmin.accessToken())
                            .status())
                    .isEqualTo(404);
            assertThat(http.get(settings.gatewayUrl() + "/identities/" + journey.subject(), otherAdmin.accessToken())
                            .status())
                    .isEqualTo(404);
        }
    }

    private long walletsOf(String subject, SignedIn admin) {
        return new OrgAdmin(settings, http, admin)
                .listAll(tenant.orgId(), "wallets").stream()
                        .filter(wallet -> subject.equals(wallet.path("user_id").asText()))
                        .count();
    }

    private static void deliverEveryPersonaWebhookTwiceInReverseOrder() {
        ObjectNode registration = HttpJson.object()
                .put("api_key", "persona_sandbox_key")
                .put("webhook_url", settings.gatewayUrl() + "/webhooks/persona/inquiry")
                .put("webhook_secret", "wbhsec_sandbox");
        registration
                .putObject("scenario")
                .put("decision", "auto-approve")
                .put("duplicates", 1)
                .put("reverse_order", true);
        http.post(settings.sandboxUrl() + "/persona/_sandbox/organizations", null, registration)
                .expect(201);
    }

    private static void redeliverShuffled(String inquiryId) {
        ObjectNode request = HttpJson.object().put("times", 1).put("shuffle", true);
        http.post(settings.sandboxUrl() + "/persona/_sandbox/inquiries/" + inquiryId + "/redeliver", null, request)
                .expect(200, 202, 204);
    }
}
