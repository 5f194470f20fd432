package dev.attest.gateway;

import static dev.attest.testing.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.events.Topics;
import dev.attest.common.problem.Problem;
import dev.attest.gateway.support.OidcUsers;
import dev.attest.gateway.support.RecordingUpstream;
import dev.attest.gateway.support.Tenants;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import dev.attest.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class TenancyTest {
    @Inject
    AgroalDataSource dataSource;

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void platformAdminCreatesOrganizationAndItIsAnnouncedWithoutContacts() {
        String slug = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicReader topic = TopicReader.of(Topics.TENANT)) {
            String orgId = given().auth()
                    .oauth2(OidcUsers.platformAdmin())
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "Acme", "slug", slug, "admin_contacts", List.of("ceo@acme.test")))
                    .post("/orgs")
                    .then()
                    .statusCode(201)
                    .body("slug", equalTo(slug))
                    .body("admin_contacts", equalTo(List.of("ceo@acme.test")))
                    .extract()
                    .path("id");

            ConsumerRecord<String, byte[]> event = awaitEvent(topic, orgId, "attest.tenant.organization-created.v1");
            assertThat(json(event))
                    .isEqualTo(mapper.valueToTree(Map.of("org_id", orgId, "slug", slug, "name", "Acme")));
            assertThat(header(event, "ce_orgid")).isEqualTo(orgId);
        }
    }

    @Test
    void onlyPlatformAdminsCreateOrganizations() {
        Map<String, Object> body = Map.of(
                "name", "Nope", "slug", "nope-" + UUID.randomUUID().toString().substring(0, 8));
        given().auth()
                .oauth2(OidcUsers.user("someone"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/orgs")
                .then()
                .statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/orgs")
                .then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE);
        given().auth()
                .oauth2(OidcUsers.forged("mallory"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/orgs")
                .then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE);
        assertThat(new TestDatabase(dataSource)
                        .count("select count(*) from organization where slug = ?", body.get("slug")))
                .isZero();
    }

    @Test
    void invalidOrganizationIsRefusedAndChangesNothing() {
        given().auth()
                .oauth2(OidcUsers.platformAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Bad", "slug", "Not A Slug!", "admin_contacts", List.of("not-an-email")))
                .post("/orgs")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://attest.dev/problems/validation-failed"))
                .body("errors.field", hasItem("slug"));
        assertThat(new TestDatabase(dataSource).count("select count(*) from organization where name = 'Bad'"))
                .isZero();
        assertThat(new TestDatabase(dataSource).count("select count(*) from attest_outbox where data->>'name' = 'Bad'"))
                .isZero();
    }

    @Test
    void slugsAreUnique() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        given().auth()
                .oauth2(OidcUsers.platformAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Copy", "slug", org.slug()))
                .post("/orgs")
                .then()
                .statusCode(409)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void orgAdminCreatesProjectInTheirOrganizationWhateverOrgTheBodyNames() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        Tenants.Org other = Tenants.organization("admin-" + UUID.randomUUID());
        try (TopicReader topic = TopicReader.of(Topics.TENANT)) {
            String projectId = given().auth()
                    .oauth2(org.adminToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "name",
                            "Shop",
                            "environment",
                            "sandbox",
                            "wallet_network",
                            "ethereum-sepolia",
                            "org_id",
                            other.id(),
                            "id",
                            UUID.randomUUID().toString()))
                    .post("/orgs/" + org.id() + "/projects")
                    .then()
                    .statusCode(201)
                    .body("org_id", equalTo(org.id()))
                    .body("kyc_provider", equalTo("persona"))
                    .extract()
                    .path("id");

            ConsumerRecord<String, byte[]> event = awaitEvent(topic, org.id(), "attest.tenant.project-created.v1");
            assertThat(json(event).get("project_id").asText()).isEqualTo(projectId);
            assertThat(json(event).get("environment").asText()).isEqualTo("sandbox");
        }
        assertThat(new TestDatabase(dataSource)
                        .count("select count(*) from project where org_id = ?::uuid", other.id()))
                .isZero();
    }

    @Test
    void aProjectNamesAFallbackKycProviderThatDiffersFromItsPreferredOne() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String projectId = Tenants.project(org, "sandbox");
        String path = "/orgs/" + org.id() + "/projects/" + projectId;
        try (TopicReader topic = TopicReader.of(Topics.TENANT)) {
            given().auth()
                    .oauth2(org.adminToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("kyc_provider", "sumsub", "kyc_fallback_provider", "persona"))
                    .patch(path)
                    .then()
                    .statusCode(200)
                    .body("kyc_provider", equalTo("sumsub"))
                    .body("kyc_fallback_provider", equalTo("persona"));
            JsonNode updated = json(awaitEvent(topic, org.id(), "attest.tenant.project-updated.v1", "sumsub"));
            assertThat(updated.get("kyc_provider").asText()).isEqualTo("sumsub");
            assertThat(updated.get("kyc_fallback_provider").asText()).isEqualTo("persona");
        }

        // The same provider twice, or one compliance-service does not have: refused, and nothing changes.
        for (Map<String, String> bad : List.of(
                Map.of("kyc_fallback_provider", "sumsub"),
                Map.of("kyc_provider", "persona", "kyc_fallback_provider", "persona"),
                Map.of("kyc_fallback_provider", "onfido"))) {
            given().auth()
                    .oauth2(org.adminToken())
                    .contentType(ContentType.JSON)
                    .body(bad)
                    .patch(path)
                    .then()
                    .statusCode(400)
                    .contentType(Problem.MEDIA_TYPE);
        }
        assertThat(new TestDatabase(dataSource)
                        .scalar(
                                "select kyc_provider || '/' || kyc_fallback_provider from project where id = ?::uuid",
                                projectId))
                .isEqualTo("sumsub/persona");

        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("kyc_fallback_provider", "none"))
                .patch(path)
                .then()
                .statusCode(200)
                .body("kyc_provider", equalTo("sumsub"))
                .body("kyc_fallback_provider", nullValue());
    }

    @Test
    void membersWithTheUserRoleSeeProjectsButCannotManageThem() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String member = "member-" + UUID.randomUUID();
        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("user_id", member, "email", "m@example.test", "role", "user"))
                .post("/orgs/" + org.id() + "/members")
                .then()
                .statusCode(201);
        String projectId = Tenants.project(org, "sandbox");

        given().auth()
                .oauth2(OidcUsers.user(member))
                .get("/orgs/" + org.id() + "/projects")
                .then()
                .statusCode(200)
                .body("id", hasItem(projectId));
        given().auth()
                .oauth2(OidcUsers.user(member))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Mine", "environment", "sandbox", "wallet_network", "ethereum-sepolia"))
                .post("/orgs/" + org.id() + "/projects")
                .then()
                .statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
        given().auth()
                .oauth2(OidcUsers.user(member))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "k", "scopes", List.of("kyc:read")))
                .post("/orgs/" + org.id() + "/projects/" + projectId + "/api-keys")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(OidcUsers.user(member))
                .get("/orgs/" + org.id() + "/usage")
                .then()
                .statusCode(403);
    }

    @Test
    void memberEventsCarryAnEmailOnlyForAdmins() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String member = "member-" + UUID.randomUUID();
        try (TopicReader topic = TopicReader.of(Topics.TENANT)) {
            given().auth()
                    .oauth2(org.adminToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("user_id", member, "email", "plain-user@example.test", "role", "user"))
                    .post("/orgs/" + org.id() + "/members")
                    .then()
                    .statusCode(201);
            given().auth()
                    .oauth2(org.adminToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("role", "org-admin"))
                    .patch("/orgs/" + org.id() + "/members/" + member)
                    .then()
                    .statusCode(200);

            JsonNode added = json(awaitEvent(topic, org.id(), "attest.tenant.member-added.v1", member));
            JsonNode promoted = json(awaitEvent(topic, org.id(), "attest.tenant.member-updated.v1", member));
            assertThat(added.has("email")).isFalse();
            assertThat(promoted.get("email").asText()).isEqualTo("plain-user@example.test");
            assertThat(promoted.get("role").asText()).isEqualTo("org-admin");
        }
    }

    @Test
    void apiKeyIsShownOnceAndStoredOnlyAsItsHash() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String projectId = Tenants.project(org, "sandbox");
        try (TopicReader topic = TopicReader.of(Topics.TENANT)) {
            Tenants.IssuedKey issued = Tenants.apiKey(org, projectId, "kyc:read", "wallets:write");

            assertThat(issued.key()).matches("ak_test_[A-Za-z0-9_-]{43}");
            given().auth()
                    .oauth2(org.adminToken())
                    .get("/orgs/" + org.id() + "/projects/" + projectId + "/api-keys")
                    .then()
                    .statusCode(200)
                    .body("[0].id", equalTo(issued.id()))
                    .body("[0]", not(hasKey("key")))
                    .body("[0].prefix", equalTo(issued.key().substring(0, 14)));
            assertThat(new TestDatabase(dataSource)
                            .count(
                                    "select count(*) from api_key where key_hash = encode(sha256(?::bytea), 'hex')",
                                    issued.key()))
                    .isEqualTo(1);
            assertThat(new TestDatabase(dataSource)
                            .count(
                                    "select count(*) from api_key where position(? in key_hash || prefix || name) > 0",
                                    issued.key()))
                    .isZero();

            ConsumerRecord<String, byte[]> event = awaitEvent(topic, org.id(), "attest.tenant.api-key-created.v1");
            assertThat(json(event).get("key_id").asText()).isEqualTo(issued.id());
            assertThat(json(event).get("prefix").asText())
                    .isEqualTo(issued.key().substring(0, 14));
            assertThat(new String(event.value(), StandardCharsets.UTF_8))
                    .doesNotContain(issued.key().substring(14));
        }
    }

    @Test
    void productionProjectsGetLiveKeys() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String projectId = Tenants.project(org, "production");
        assertThat(Tenants.apiKey(org, projectId, "kyc:read").key()).startsWith("ak_live_");
    }

    @Test
    void unknownScopeIsRefusedAndNoKeyIsMade() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String projectId = Tenants.project(org, "sandbox");
        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "root", "scopes", List.of("admin:everything")))
                .post("/orgs/" + org.id() + "/projects/" + projectId + "/api-keys")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://attest.dev/problems/unknown-scope"));
        assertThat(new TestDatabase(dataSource)
                        .count("select count(*) from api_key where project_id = ?::uuid", projectId))
                .isZero();
    }

    @Test
    void apiKeysCannotManageTenancy() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String projectId = Tenants.project(org, "sandbox");
        Tenants.IssuedKey key = Tenants.apiKey(org, projectId, "kyc:read");
        given().auth()
                .oauth2(key.key())
                .get("/orgs/" + org.id() + "/projects")
                .then()
                .statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
    }

    private ConsumerRecord<String, byte[]> awaitEvent(TopicReader topic, String key, String type, String... contains) {
        List<ConsumerRecord<String, byte[]>> records =
                topic.readUntil(rs -> find(rs, key, type, contains) != null, WAIT);
        ConsumerRecord<String, byte[]> event = find(records, key, type, contains);
        assertThat(event).as(type + " for " + key).isNotNull();
        return event;
    }

    private static ConsumerRecord<String, byte[]> find(
            List<ConsumerRecord<String, byte[]>> records, String key, String type, String... contains) {
        return records.stream()
                .filter(r -> key.equals(r.key()) && type.equals(header(r, "ce_type")))
                .filter(r -> java.util.Arrays.stream(contains)
                        .allMatch(c -> new String(r.value(), StandardCharsets.UTF_8).contains(c)))
                .findFirst()
                .orElse(null);
    }

    private JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return mapper.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
