package dev.attest.wallet.rest;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.attest.common.tenant.TenantProject;
import dev.attest.common.tenant.Tenants;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.wallet.support.DfnsAccount;
import dev.attest.wallet.support.KycEvents;
import dev.attest.wallet.support.TenantEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tenant replica (attest.tenant.v1): a project's wallet network, and orgs named by slug. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class TenantReplicaTest {
    private KycEvents kyc;
    private TenantEvents tenantEvents;

    @Inject
    Tenants replica;

    @BeforeEach
    void connect() {
        kyc = new KycEvents();
        tenantEvents = new TenantEvents();
    }

    @AfterEach
    void disconnect() {
        kyc.close();
        tenantEvents.close();
    }

    @Test
    void theProjectsWalletNetworkChoosesTheNetworkElseTheOrgsDefault() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String project = UUID.randomUUID().toString();
        tenantEvents.organizationCreated(org.orgId, "acme-" + UUID.randomUUID());
        tenantEvents.projectCreated(org.orgId, project, "ethereum-sepolia");
        awaitProject(org.orgId, project, "ethereum-sepolia");

        String inProject = "user-" + UUID.randomUUID();
        kyc.statusChangedInProject(org.orgId, inProject, "case-p", "verified", project);
        WalletProvisioningTest.awaitProvisioned(org, inProject);
        given().auth()
                .oauth2(org.user(inProject))
                .get("/wallets/me")
                .then()
                .body("network", equalTo("EthereumSepolia"));

        String withoutProject = "user-" + UUID.randomUUID();
        kyc.statusChanged(org.orgId, withoutProject, "case-n", "verified");
        WalletProvisioningTest.awaitProvisioned(org, withoutProject);
        given().auth()
                .oauth2(org.user(withoutProject))
                .get("/wallets/me")
                .then()
                .body("network", equalTo("Ethereum"));
    }

    @Test
    void anotherOrgsProjectDoesNotChooseTheNetwork() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        DfnsAccount other = DfnsAccount.register("EC");
        String foreignProject = UUID.randomUUID().toString();
        tenantEvents.projectCreated(other.orgId, foreignProject, "polygon-amoy");
        awaitProject(other.orgId, foreignProject, "polygon-amoy");

        String user = "user-" + UUID.randomUUID();
        kyc.statusChangedInProject(org.orgId, user, "case-f", "verified", foreignProject);
        WalletProvisioningTest.awaitProvisioned(org, user);
        given().auth().oauth2(org.user(user)).get("/wallets/me").then().body("network", equalTo("Ethereum"));
    }

    @Test
    void theWebhookPathNamesTheOrgBySlugOrById() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String slug = "slug-" + UUID.randomUUID();
        tenantEvents.organizationCreated(org.orgId, slug);
        waitFor("organization " + slug + " in the tenant replica")
                .untilAsserted(() -> assertThat(replica.orgIdOf(slug)).isEqualTo(org.orgId));
        String body = DfnsWebhookTest.event(Instant.now().getEpochSecond());
        String signature = DfnsWebhookTest.sign(org.webhookSecret, body);

        assertThat(webhook(slug, signature, body)).isEqualTo(200);
        assertThat(webhook(org.orgId, signature, body)).isEqualTo(200);
        assertThat(webhook("slug-unknown-" + UUID.randomUUID(), signature, body))
                .isEqualTo(404);
    }

    @Test
    void orgAdminPathsNameTheOrgBySlugAsTheGatewaysDo() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        DfnsAccount other = DfnsAccount.register("EC");
        String slug = "slug-" + UUID.randomUUID();
        String otherSlug = "slug-" + UUID.randomUUID();
        tenantEvents.organizationCreated(org.orgId, slug);
        tenantEvents.organizationCreated(other.orgId, otherSlug);
        waitFor("organization " + slug + " in the tenant replica")
                .untilAsserted(() -> assertThat(replica.orgIdOf(slug)).isEqualTo(org.orgId));
        waitFor("organization " + otherSlug + " in the tenant replica")
                .untilAsserted(() -> assertThat(replica.orgIdOf(otherSlug)).isEqualTo(other.orgId));

        given().auth()
                .oauth2(org.admin())
                .get("/orgs/" + slug + "/transactions")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(org.admin())
                .get("/orgs/" + slug + "/integrations/dfns")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(org.admin())
                .get("/orgs/" + otherSlug + "/transactions")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private void awaitProject(String orgId, String project, String network) {
        waitFor("project " + project + " in the tenant replica")
                .untilAsserted(() -> assertThat(replica.project(orgId, project)
                                .map(TenantProject::walletNetwork)
                                .orElse(null))
                        .isEqualTo(network));
    }

    private static int webhook(String org, String signature, String body) {
        return given().contentType("application/json")
                .header("X-DFNS-WEBHOOK-SIGNATURE", signature)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/webhooks/dfns/" + org)
                .then()
                .extract()
                .statusCode();
    }
}
