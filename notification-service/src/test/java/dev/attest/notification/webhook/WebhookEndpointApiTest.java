package dev.attest.notification.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.attest.common.security.Roles;
import dev.attest.notification.support.SmtpRelayResource;
import dev.attest.notification.support.Tenants;
import dev.attest.notification.support.WebhookApi;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Managing endpoints: who may, which URLs are refused, and that bad input changes nothing. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(SmtpRelayResource.class)
@WithTestResource(GatewayTokens.class)
class WebhookEndpointApiTest {
    private static final String RECEIVER = "http://127.0.0.1:9/hooks"; // allowlisted in tests

    @Inject
    Tenants tenants;

    @Inject
    AgroalDataSource dataSource;

    private final String org = "org-" + UUID.randomUUID();
    private final String project = "prj-" + UUID.randomUUID();
    private EventPublisher events;
    private WebhookApi api;

    @BeforeEach
    void setUp() {
        events = new EventPublisher();
        api = new WebhookApi(org, project);
        tenants.seed(events, org, project, "admin-of-" + org, "admin@example.com");
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://10.0.0.1/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://[::ffff:169.254.169.254]/",
                "http://[64:ff9b::a9fe:a9fe]/",
                "http://2130706433/",
                "http://192.168.1.1/",
                "http://172.16.0.1/",
                "http://100.64.0.1/",
                "http://0.1.2.3/",
                "http://[::1]/",
                "http://[fc00::1]/",
                "http://[fe80::1]/",
                "http://[2002:a9fe:a9fe::]/",
                "http://0177.0.0.1/",
                // the tests allowlist 127.0.0.1/32 only: its neighbours stay refused
                "http://127.0.0.2/",
                "ftp://example.com/"
            })
    void aPrivateAddressIsRefusedAtRegistrationAndNothingIsCreated(String url) {
        api.create(Map.of("url", url))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", not(nullValue()));
        api.get("").statusCode(200).body("$", hasSize(0));
    }

    @Test
    void createdEndpointsAreListedWithoutSecretOrHeaderValues() {
        String id = api.createEndpoint(Map.of(
                "url",
                RECEIVER,
                "description",
                "orders",
                "event_types",
                List.of("attest.kyc.status-changed.v1"),
                "headers",
                Map.of("X-Customer-Token", "s3cr3t")))[0];
        api.get("")
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(id))
                .body("[0].event_types", equalTo(List.of("attest.kyc.status-changed.v1")))
                .body("[0].header_names", equalTo(List.of("X-Customer-Token")))
                .body("[0].enabled", equalTo(true))
                .body("[0].secret", nullValue())
                .body(not(containsString("s3cr3t")));
    }

    @Test
    void anUpdateCanDisableAndReEnableAnEndpointAndIsCheckedLikeCreation() {
        String id = api.createEndpoint(Map.of("url", RECEIVER))[0];
        api.patch("/" + id, Map.of("enabled", false)).statusCode(200).body("enabled", equalTo(false));
        api.patch("/" + id, Map.of("url", "http://10.0.0.1/")).statusCode(400);
        api.patch("/" + id, Map.of("enabled", true, "rate_limit", 5))
                .statusCode(200)
                .body("enabled", equalTo(true))
                .body("rate_limit", equalTo(5))
                .body("url", equalTo(RECEIVER));
    }

    /** Issue 20: every change of an endpoint is in the audit trail, by whom, before and after, and never a secret. */
    @Test
    void endpointChangesAreAuditedWithoutSecrets() {
        String[] created = api.createEndpoint(Map.of(
                "url", RECEIVER + "?token=receiver-credential", "headers", Map.of("X-Customer-Token", "s3cr3t")));
        String id = created[0];
        api.patch("/" + id, Map.of("enabled", false)).statusCode(200);
        String rotated = api.post("/" + id + "/secret/rotate", Map.of())
                .statusCode(200)
                .extract()
                .path("secret");
        api.delete(id);

        TestDatabase db = new TestDatabase(dataSource);
        assertThat(db.strings(
                        "select action || ' ' || actor_subject from attest_audit_entry where target_id = ? order by seq",
                        id))
                .containsExactly(
                        "webhook-endpoint.created admin-of-" + org,
                        "webhook-endpoint.updated admin-of-" + org,
                        "webhook-endpoint.secret-rotated admin-of-" + org,
                        "webhook-endpoint.deleted admin-of-" + org);
        assertThat(db.strings(
                        "select cast(changes as jsonb)->'after'->>'enabled' from attest_audit_entry"
                                + " where target_id = ? and action = 'webhook-endpoint.updated'",
                        id))
                .containsExactly("false");
        String trail =
                String.join("\n", db.strings("select t::text from attest_audit_entry t where target_id = ?", id));
        assertThat(trail)
                .contains("X-Customer-Token")
                .doesNotContain("s3cr3t")
                .doesNotContain("receiver-credential")
                .doesNotContain(created[1])
                .doesNotContain(rotated);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"url\":\"\"}",
                "{\"url\":\"http://127.0.0.1:9/\",\"headers\":{\"webhook-signature\":\"v1,forged\"}}",
                "{\"url\":\"http://127.0.0.1:9/\",\"headers\":{\"Host\":\"internal\"}}",
                "{\"url\":\"http://127.0.0.1:9/\",\"rate_limit\":0}",
                "{\"url\":\"http://127.0.0.1:9/\",\"event_types\":[\"Not A Type!\"]}"
            })
    void invalidInputIsAProblemAndCreatesNothing(String body) {
        given().auth()
                .oauth2(GatewayTokens.user(org, "admin-of-" + org, Roles.ORG_ADMIN))
                .contentType(ContentType.JSON)
                .body(body)
                .post(api.base())
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        api.get("").statusCode(200).body("$", hasSize(0));
    }

    @Test
    void onlyOrgAdminsManageEndpoints() {
        given().auth()
                .oauth2(GatewayTokens.user(org, "user-1", Roles.USER))
                .contentType(ContentType.JSON)
                .body(Map.of("url", RECEIVER))
                .post(api.base())
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(Map.of("url", RECEIVER))
                .post(api.base())
                .then()
                .statusCode(401);
        api.get("").statusCode(200).body("$", hasSize(0));
    }

    @Test
    void anotherOrgsEndpointsAndProjectsAreNotFound() {
        String id = api.createEndpoint(Map.of("url", RECEIVER))[0];
        String intruder = GatewayTokens.user("org-other", "admin-of-other", Roles.ORG_ADMIN);
        given().auth().oauth2(intruder).get(api.base()).then().statusCode(404);
        given().auth().oauth2(intruder).get(api.base() + "/" + id).then().statusCode(404);
        given().auth()
                .oauth2(intruder)
                .post(api.base() + "/" + id + "/secret/rotate")
                .then()
                .statusCode(404);
        // The same org, but a project it does not have.
        new WebhookApi(org, "prj-unknown").get("").statusCode(404);
        new WebhookApi(org, "prj-unknown").get("/" + id).statusCode(404);
    }

    @Test
    void theOrganizationIsNamedByItsIdOrItsSlugAsAtTheGateway() {
        String id = api.createEndpoint(Map.of("url", RECEIVER))[0];
        String slug = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = GatewayTokens.user(org, slug, "admin-of-" + org, new String[] {Roles.ORG_ADMIN});
        String bySlug = "/orgs/" + slug + "/projects/" + project + "/webhooks/endpoints";

        given().auth()
                .oauth2(admin)
                .get(bySlug + "/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        given().auth().oauth2(admin).get(api.base() + "/" + id).then().statusCode(200);
        // Another organization's slug is not found, like its id.
        given().auth()
                .oauth2(admin)
                .get("/orgs/other-slug/projects/" + project + "/webhooks/endpoints")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void deletedEndpointsAreGone() {
        String id = api.createEndpoint(Map.of("url", RECEIVER))[0];
        given().auth()
                .oauth2(GatewayTokens.user(org, "admin-of-" + org, Roles.ORG_ADMIN))
                .delete(api.base() + "/" + id)
                .then()
                .statusCode(204);
        api.get("/" + id).statusCode(404);
    }
}
