package dev.attest.gateway.monitoring;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.gateway.support.FromAddress;
import dev.attest.gateway.support.OidcUsers;
import dev.attest.gateway.support.RecordingUpstream;
import dev.attest.gateway.support.Tenants;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import dev.attest.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Security monitoring (issue 20): each detector raises one incident for a synthetic attack (not one per request) and
 * none for normal load; the incident is announced for the alerts and audited; responses take effect at once and are
 * undone; and every route keeps to its tenant. The detectors' thresholds of the test profile are in
 * application.properties; each test's attacker is a subject of its own (a source address, a user, a key).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class SecurityMonitoringTest {
    @TestHTTPResource("/")
    URI gateway;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SecuritySignals signals;

    @Inject
    IncidentDetection detection;

    private final String platformAdmin = OidcUsers.platformAdmin();

    @Test
    void forgedWebhookSignaturesRaiseOneIncidentForTheOrganizationAndAnnounceIt() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        Tenants.Org quiet = Tenants.organization("admin-" + UUID.randomUUID());
        FromAddress attacker = FromAddress.newSource();
        // normal load: a few refused deliveries to another organization, and accepted ones
        for (int i = 0; i < 3; i++) {
            assertThat(FromAddress.newSource()
                            .post(gateway, "/webhooks/persona/" + quiet.slug() + "/forged", "{}")
                            .status())
                    .isEqualTo(401);
            assertThat(attacker.post(gateway, "/webhooks/persona/" + quiet.slug() + "/accepted", "{}")
                            .status())
                    .isEqualTo(201);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.post(gateway, "/webhooks/persona/" + org.slug() + "/forged", "{}")
                            .status())
                    .isEqualTo(401);
        }

        detect();

        JsonPath incident = onlyIncident("webhook-signature", "org:" + org.slug());
        assertThat(incident.getString("org_id")).isEqualTo(org.id());
        assertThat(incident.getString("severity")).isEqualTo("high");
        assertThat(incident.getLong("signal_count")).isEqualTo(5);
        assertThat(incident.getString("summary"))
                .isEqualTo("5 refused webhook signatures for one organization within 5 minutes.");
        assertThat(incident.getMap("evidence.source")).containsEntry(attacker.address(), 5);
        assertThat(incidents("webhook-signature", "org:" + quiet.slug())).isEmpty();
        // announced for the alerts (notification-service) and audited, in the incident's transaction
        TestDatabase db = new TestDatabase(dataSource);
        String id = incident.getString("id");
        assertThat(db.strings(
                        "select data->>'summary' from attest_outbox where type = ? and data->>'incident_id' = ?",
                        EventTypes.Security.INCIDENT_OPENED,
                        id))
                .containsExactly(incident.getString("summary"));
        assertThat(db.strings("select org_id from attest_outbox where data->>'incident_id' = ?", id))
                .containsExactly(org.id());
        assertThat(db.count(
                        "select count(*) from attest_audit_entry where action = 'security.incident-opened'"
                                + " and target_id = ?",
                        id))
                .isOne();

        // the attack goes on from another address: the same incident grows, no second one
        FromAddress second = FromAddress.newSource();
        for (int i = 0; i < 3; i++) {
            second.post(gateway, "/webhooks/persona/" + org.slug() + "/forged", "{}");
        }
        detect();

        JsonPath grown = onlyIncident("webhook-signature", "org:" + org.slug());
        assertThat(grown.getString("id")).isEqualTo(id);
        assertThat(grown.getLong("signal_count")).isEqualTo(8);
        assertThat(grown.getMap("evidence.source"))
                .containsEntry(attacker.address(), 5)
                .containsEntry(second.address(), 3);
        assertThat(db.count("select count(*) from attest_outbox where data->>'incident_id' = ?", id))
                .isOne();
    }

    @Test
    void unknownAndRevokedApiKeysRaiseOneIncidentPerSourceAndPerKey() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String project = Tenants.project(org, "sandbox");
        Tenants.IssuedKey revoked = Tenants.apiKey(org, project, "identities:write");
        given().auth()
                .oauth2(org.adminToken())
                .delete("/orgs/" + org.id() + "/projects/" + project + "/api-keys/" + revoked.id())
                .then()
                .statusCode(200);
        FromAddress guesser = FromAddress.newSource();
        FromAddress careless = FromAddress.newSource();
        for (int i = 0; i < 20; i++) {
            assertThat(guesser.post(gateway, "/identities", "{}", bearer("ak_test_" + "x".repeat(43)))
                            .status())
                    .isEqualTo(401);
        }
        for (int i = 0; i < 19; i++) {
            // normal: a misconfigured client, under the threshold
            careless.post(gateway, "/identities", "{}", bearer("ak_live_" + "y".repeat(43)));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(FromAddress.newSource()
                            .post(gateway, "/identities", "{}", bearer(revoked.key()))
                            .status())
                    .isEqualTo(401);
        }

        detect();

        JsonPath unknown = onlyIncident("api-key", "source:" + guesser.address());
        assertThat(unknown.getString("org_id")).isNull();
        assertThat(unknown.getMap("evidence.reason")).containsEntry("unknown", 20);
        JsonPath byKey = onlyIncident("api-key", "api-key:" + revoked.id());
        assertThat(byKey.getString("org_id")).isEqualTo(org.id());
        assertThat(byKey.getString("project_id")).isEqualTo(project);
        assertThat(byKey.getMap("evidence.reason")).containsEntry("revoked", 20);
        assertThat(incidents("api-key", "source:" + careless.address())).isEmpty();
        // the organization's admins see the incident about their key, no other organization's
        assertThat(given().auth()
                        .oauth2(org.adminToken())
                        .get("/orgs/" + org.id() + "/incidents")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("id", String.class))
                .containsExactly(byKey.getString("id"));
    }

    @Test
    void probingOtherTenantsIdsRaisesOneIncidentAndSuspendingTheUserIsUndone() {
        Tenants.Org home = Tenants.organization("admin-" + UUID.randomUUID());
        String prober = "prober-" + UUID.randomUUID();
        String token = OidcUsers.userOf(home.id(), prober, "user");
        String innocent = OidcUsers.userOf(home.id(), "innocent-" + UUID.randomUUID(), "user");
        for (int i = 0; i < 30; i++) {
            given().auth()
                    .oauth2(token)
                    .get("/orgs/" + UUID.randomUUID() + "/projects")
                    .then()
                    .statusCode(404);
        }
        for (int i = 0; i < 5; i++) {
            given().auth()
                    .oauth2(innocent)
                    .get("/orgs/" + UUID.randomUUID())
                    .then()
                    .statusCode(404);
            given().auth().oauth2(innocent).get("/orgs/" + home.id()).then().statusCode(200);
        }

        detect();

        JsonPath incident = onlyIncident("cross-tenant", "user:" + prober);
        assertThat(incident.getString("org_id")).isEqualTo(home.id());
        assertThat(incident.getLong("signal_count")).isEqualTo(30);
        assertThat(incident.getList("suggested_actions.kind")).contains("suspend-user", "freeze-transfers");
        assertThat(incidents("cross-tenant", "user:" + innocent)).isEmpty();
        String id = incident.getString("id");

        JsonPath acted = act("/platform/incidents/" + id, platformAdmin, "suspend-user", prober)
                .statusCode(200)
                .extract()
                .jsonPath();

        given().auth().oauth2(token).get("/orgs/" + home.id()).then().statusCode(403);
        assertThat(acted.getList("actions.kind")).containsExactly("suspend-user");
        assertThat(acted.getBoolean("actions[0].changed")).isTrue();
        String action = acted.getString("actions[0].id");

        given().auth()
                .oauth2(platformAdmin)
                .post("/platform/incidents/" + id + "/actions/" + action + "/undo")
                .then()
                .statusCode(200)
                .body("actions[0].undone_at", notNullValue());
        given().auth().oauth2(token).get("/orgs/" + home.id()).then().statusCode(200);
        given().auth()
                .oauth2(platformAdmin)
                .post("/platform/incidents/" + id + "/actions/" + action + "/undo")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        assertThat(new TestDatabase(dataSource)
                        .strings(
                                "select action from attest_audit_entry where (target_id = ? or target_id = ?)"
                                        + " and action <> 'security.incident-opened' order by seq",
                                id,
                                prober))
                .containsExactly(
                        "user.suspended", "incident.action-taken", "user.reactivated", "incident.action-undone");
    }

    @Test
    void rateLimitAbuseRaisesOneIncidentAndTheOrganizationsAdminRevokesTheKeyAndUndoesIt() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        Tenants.Org stranger = Tenants.organization("admin-" + UUID.randomUUID());
        String project = Tenants.project(org, "sandbox", Map.of("capacity", 2, "refill_per_second", 0.001));
        Tenants.IssuedKey key = Tenants.apiKey(org, project, "identities:read", "identities:write");
        int refused = 0;
        for (int i = 0; i < 12; i++) {
            if (given().auth().oauth2(key.key()).get("/identities/x").statusCode() == 429) {
                refused++;
            }
        }
        assertThat(refused).isEqualTo(10);

        detect();

        JsonPath incident = onlyIncident("rate-limit", "api-key:" + key.id());
        assertThat(incident.getString("project_id")).isEqualTo(project);
        String id = incident.getString("id");
        String orgIncident = "/orgs/" + org.id() + "/incidents/" + id;
        // only the organization's admins see it; to anyone else it does not exist
        given().auth()
                .oauth2(stranger.adminToken())
                .get("/orgs/" + stranger.id() + "/incidents/" + id)
                .then()
                .statusCode(404);
        given().auth().oauth2(stranger.adminToken()).get(orgIncident).then().statusCode(404);
        given().auth().oauth2(key.key()).get(orgIncident).then().statusCode(403);
        given().auth()
                .oauth2(org.adminToken())
                .get("/platform/incidents/" + id)
                .then()
                .statusCode(403);
        // an organization's admin may revoke its keys, not suspend its project (the platform's decision)
        act(orgIncident, org.adminToken(), "suspend-project", project).statusCode(403);
        JsonPath acted = act(orgIncident, org.adminToken(), "revoke-api-key", key.id())
                .statusCode(200)
                .extract()
                .jsonPath();
        given().auth().oauth2(key.key()).get("/orgs/" + org.id()).then().statusCode(401);

        given().auth()
                .oauth2(org.adminToken())
                .post(orgIncident + "/actions/" + acted.getString("actions[0].id") + "/undo")
                .then()
                .statusCode(200);

        new TestDatabase(dataSource)
                .update("delete from rate_limit_bucket where project_id = cast(? as uuid)", project);
        given().auth().oauth2(key.key()).get("/identities/x").then().statusCode(201);
        assertThat(new TestDatabase(dataSource)
                        .strings("select action from attest_audit_entry where target_id = ? order by seq", key.id()))
                .containsSubsequence("api-key.revoked", "api-key.restored");
    }

    @Test
    void aUsersTransferBurstRaisesAnIncidentUnlessItIsTheirUsualPaceAndFreezingStopsTheirTransfers() throws Exception {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String project = Tenants.project(org, "sandbox");
        String burster = "burster-" + UUID.randomUUID();
        String busy = "busy-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        try (EventPublisher events = new EventPublisher()) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            // the busy user's usual pace: 15 transfers in the half hour before the window
            for (int i = 0; i < 15; i++) {
                ids.add(newTransfer(events, org, busy, now.minusMinutes(30)));
            }
            for (int i = 0; i < 25; i++) {
                ids.add(newTransfer(events, org, burster, now));
                ids.add(newTransfer(events, org, busy, now));
            }
            // a later step of a transfer counts nothing
            ids.add(events.event(
                            Topics.WALLET,
                            EventTypes.Wallet.TRANSFER_STATUS_CHANGED,
                            org.id(),
                            "w-" + burster,
                            transfer(burster, "broadcasted", "pending"))
                    .send());
        }
        TestDatabase db = new TestDatabase(dataSource);
        waitFor("the transfers counted")
                .until(
                        () -> db.count(
                                "select count(*) from attest_inbox where consumer = 'gateway.security'"
                                        + " and event_id = any (string_to_array(?, ','))",
                                String.join(",", ids)),
                        count -> count == ids.size());

        detect();

        JsonPath incident = onlyIncident("transfer-velocity", "user:" + burster);
        assertThat(incident.getLong("signal_count")).isEqualTo(25);
        assertThat(incident.getString("org_id")).isEqualTo(org.id());
        assertThat(incidents("transfer-velocity", "user:" + busy)).isEmpty();

        String token = OidcUsers.userOf(org.id(), burster, "user");
        String transfer = "/wallets/w-1/transfers";
        TopicReader security = TopicReader.of(Topics.SECURITY);
        JsonPath acted = act(
                        "/orgs/" + org.id() + "/incidents/" + incident.getString("id"),
                        org.adminToken(),
                        "freeze-transfers",
                        "user:" + burster)
                .statusCode(200)
                .extract()
                .jsonPath();

        given().auth()
                .oauth2(token)
                .header("Attest-Project", project)
                .contentType(ContentType.JSON)
                .body("{}")
                .post(transfer)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", endsWith("/transfers-frozen"));
        // reading goes on, and other users' transfers too
        given().auth()
                .oauth2(token)
                .header("Attest-Project", project)
                .get("/wallets")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(OidcUsers.userOf(org.id(), busy, "user"))
                .header("Attest-Project", project)
                .contentType(ContentType.JSON)
                .body("{}")
                .post(transfer)
                .then()
                .statusCode(201);

        given().auth()
                .oauth2(org.adminToken())
                .post("/orgs/" + org.id() + "/incidents/" + incident.getString("id") + "/actions/"
                        + acted.getString("actions[0].id") + "/undo")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token)
                .header("Attest-Project", project)
                .contentType(ContentType.JSON)
                .body("{}")
                .post(transfer)
                .then()
                .statusCode(201);

        // The freeze and its lift are announced, in order, for wallet-service to hold what it accepted before.
        try (security) {
            List<String> announced = security
                    .readUntil(records -> freezesOf(records, burster).size() == 2, java.time.Duration.ofSeconds(30))
                    .stream()
                    .filter(r -> new String(r.value()).contains(burster))
                    .map(r -> TopicReader.header(r, "ce_type") + " " + r.key())
                    .toList();
            assertThat(announced)
                    .containsExactly(
                            EventTypes.Security.TRANSFERS_FROZEN + " " + org.id(),
                            EventTypes.Security.TRANSFERS_UNFROZEN + " " + org.id());
        }
    }

    private static List<String> freezesOf(
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records, String subject) {
        return records.stream()
                .filter(r -> new String(r.value()).contains(subject))
                .map(r -> TopicReader.header(r, "ce_type"))
                .filter(type -> type.startsWith("attest.security.transfers-"))
                .toList();
    }

    @Test
    void aResolvedIncidentIsNotRaisedAgainByItsOwnSignalsButANewAttackIs() {
        String prober = "prober-" + UUID.randomUUID();
        String token = OidcUsers.user(prober);
        probe(token, 30);
        detect();
        String first = onlyIncident("cross-tenant", "user:" + prober).getString("id");

        given().auth()
                .oauth2(platformAdmin)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "a pen test"))
                .post("/platform/incidents/" + first + "/resolve")
                .then()
                .statusCode(200)
                .body("status", equalTo("resolved"))
                .body("resolution_note", equalTo("a pen test"));
        Instant resolvedAt = Instant.now();
        detect();
        assertThat(incidents("cross-tenant", "user:" + prober)).hasSize(1);
        given().auth()
                .oauth2(platformAdmin)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/platform/incidents/" + first + "/resolve")
                .then()
                .statusCode(409);

        // signals of the bucket the incident was resolved in still count for the old attack
        waitFor("a signal bucket that starts after the resolution")
                .until(() -> SecuritySignals.bucketOf(Instant.now()).isAfter(resolvedAt));
        probe(token, 30);
        detect();

        assertThat(incidents("cross-tenant", "user:" + prober)).hasSize(2);
    }

    @Test
    void badActionsAreRefusedAndChangeNothing() {
        String prober = "prober-" + UUID.randomUUID();
        probe(OidcUsers.user(prober), 30);
        detect();
        String id = onlyIncident("cross-tenant", "user:" + prober).getString("id");
        String path = "/platform/incidents/" + id;
        List<Map<String, Object>> bad = List.of(
                Map.of("kind", "delete-everything", "target", prober),
                Map.of("kind", "suspend-project", "target", "not-a-uuid"),
                Map.of("kind", "freeze-transfers", "target", "galaxy:1"),
                Map.of("kind", "freeze-transfers", "target", "user:" + prober),
                Map.of("kind", "revoke-api-key", "target", UUID.randomUUID().toString()),
                Map.of("kind", "suspend-user"),
                Map.of("target", prober));
        for (Map<String, Object> body : bad) {
            int status = given().auth()
                    .oauth2(platformAdmin)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post(path + "/actions")
                    .then()
                    .contentType("application/problem+json")
                    .extract()
                    .statusCode();
            assertThat(status).as(body.toString()).isIn(400, 404);
        }
        given().auth()
                .oauth2(platformAdmin)
                .get("/platform/incidents/not-an-id")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(platformAdmin)
                .get("/platform/incidents/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(platformAdmin)
                .get("/platform/incidents?status=maybe")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(platformAdmin)
                .post(path + "/actions/" + UUID.randomUUID() + "/undo")
                .then()
                .statusCode(404);

        TestDatabase db = new TestDatabase(dataSource);
        assertThat(db.count("select count(*) from security_incident_action where incident_id = cast(? as uuid)", id))
                .isZero();
        assertThat(db.count("select count(*) from transfer_freeze where target like ?", "%" + prober + "%"))
                .isZero();
        assertThat(db.count("select count(*) from suspension where target = ?", prober))
                .isZero();
    }

    /** A freeze written by another replica refuses the very next transfer: nothing of it is kept in memory. */
    @Test
    void aFreezeWrittenByAnotherReplicaRefusesTheVeryNextTransfer() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String project = Tenants.project(org, "sandbox");
        Tenants.IssuedKey key = Tenants.apiKey(org, project, "wallets:write");
        TestDatabase db = new TestDatabase(dataSource);
        db.update(
                "insert into transfer_freeze (kind, target, org_id, reason, frozen_by, frozen_at)"
                        + " values ('project', ?, cast(? as uuid), 'replica 2', 'ops', now())",
                project,
                org.id());

        given().auth()
                .oauth2(key.key())
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/wallets/w-1/transfers")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(key.key())
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/paymaster/" + project)
                .then()
                .statusCode(403);

        db.update("delete from transfer_freeze where target = ?", project);
        given().auth()
                .oauth2(key.key())
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/wallets/w-1/transfers")
                .then()
                .statusCode(201);
    }

    private void detect() {
        signals.flush();
        detection.evaluate(Instant.now());
    }

    private static void probe(String token, int times) {
        for (int i = 0; i < times; i++) {
            given().auth()
                    .oauth2(token)
                    .get("/orgs/" + UUID.randomUUID())
                    .then()
                    .statusCode(404);
        }
    }

    private List<Map<String, Object>> incidents(String detector, String subject) {
        return given()
                .auth()
                .oauth2(platformAdmin)
                .get("/platform/incidents?detector=" + detector + "&size=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<Map<String, Object>>getList("")
                .stream()
                .filter(incident -> subject.equals(incident.get("subject")))
                .toList();
    }

    private JsonPath onlyIncident(String detector, String subject) {
        List<Map<String, Object>> found = incidents(detector, subject);
        assertThat(found).as("incidents of %s about %s", detector, subject).hasSize(1);
        return given().auth()
                .oauth2(platformAdmin)
                .get("/platform/incidents/" + found.get(0).get("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static io.restassured.response.ValidatableResponse act(
            String incidentPath, String token, String kind, String target) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("kind", kind, "target", target))
                .post(incidentPath + "/actions")
                .then();
    }

    private static Map<String, String> bearer(String key) {
        return Map.of("Authorization", "Bearer " + key);
    }

    private static String newTransfer(EventPublisher events, Tenants.Org org, String user, OffsetDateTime at) {
        return events.event(
                        Topics.WALLET,
                        EventTypes.Wallet.TRANSFER_STATUS_CHANGED,
                        org.id(),
                        "w-" + user,
                        transfer(user, "pending", null))
                .time(at)
                .send();
    }

    private static Map<String, Object> transfer(String user, String status, String previous) {
        Map<String, Object> data = new HashMap<>();
        data.put("transfer_id", UUID.randomUUID().toString());
        data.put("wallet_id", "w-" + user);
        data.put("user_id", user);
        data.put("status", status);
        data.put("previous_status", previous);
        data.put("kind", "native");
        data.put("amount", "1");
        return data;
    }
}
