package dev.attest.gateway.analytics;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.gateway.support.OidcUsers;
import dev.attest.gateway.support.RecordingUpstream;
import dev.attest.gateway.support.Tenants;
import dev.attest.testing.EventData;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Analytics from a known sequence of events (exact counts, costs from the test price list, funnel, durations
 * within their bucket), request latency per route class, the roll-up and retention, isolation and bad input.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class AnalyticsTest {
    @Inject
    AgroalDataSource dataSource;

    @Inject
    LatencyRecorder latency;

    @Inject
    AnalyticsRollup rollup;

    /** Yesterday 10:00 UTC: the hour every event of the sequence starts in. */
    private static final OffsetDateTime T0 =
            LocalDate.now(ZoneOffset.UTC).minusDays(1).atTime(10, 0).atOffset(ZoneOffset.UTC);

    @Test
    void aKnownSequenceOfEventsGivesExactlyTheExpectedFigures() throws Exception {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String project = Tenants.project(org, "sandbox");
        Tenants.Org other = Tenants.organization("admin-" + UUID.randomUUID());
        String otherProject = Tenants.project(other, "sandbox");
        String o = org.id();
        List<String> ids = new ArrayList<>();
        try (EventPublisher events = new EventPublisher()) {
            // three users start KYC; u1 is verified, u2 rejected, u3 never comes back
            for (String user : List.of("u1", "u2", "u3")) {
                ids.add(events.event(
                                Topics.KYC,
                                EventTypes.Kyc.CASE_OPENED,
                                o,
                                o + ":" + user,
                                EventData.kycCaseOpened("c-" + user, user, project))
                        .time(T0)
                        .send());
            }
            String verified = events.event(
                            Topics.KYC,
                            EventTypes.Kyc.STATUS_CHANGED,
                            o,
                            o + ":u1",
                            EventData.kycStatusChanged("c-u1", "u1", project, "verified"))
                    .time(T0.plusMinutes(10))
                    .send();
            ids.add(verified);
            // redelivered: counts once
            events.event(
                            Topics.KYC,
                            EventTypes.Kyc.STATUS_CHANGED,
                            o,
                            o + ":u1",
                            EventData.kycStatusChanged("c-u1", "u1", project, "verified"))
                    .id(verified)
                    .time(T0.plusMinutes(10))
                    .send();
            ids.add(events.event(
                            Topics.KYC,
                            EventTypes.Kyc.STATUS_CHANGED,
                            o,
                            o + ":u2",
                            EventData.kycStatusChanged("c-u2", "u2", project, "rejected"))
                    .time(T0.plusMinutes(20))
                    .send());
            // another organization's event, with the same user id: none of this organization's figures (awaited with
            // the others: it is on another partition, so it may be processed after them)
            ids.add(events.event(
                            Topics.KYC,
                            EventTypes.Kyc.CASE_OPENED,
                            other.id(),
                            other.id() + ":u1",
                            EventData.kycCaseOpened("c-x", "u1", otherProject))
                    .time(T0)
                    .send());
        }
        awaitProcessed(ids);
        try (EventPublisher events = new EventPublisher()) {
            // the wallet, identity and transfer events name no project: the user's KYC case's is used
            ids.add(events.event(
                            Topics.WALLET,
                            EventTypes.Wallet.PROVISIONED,
                            o,
                            o + ":u1",
                            EventData.walletProvisioned("w1", "u1", "0x" + "a1".repeat(20), "c-u1"))
                    .time(T0.plusMinutes(15))
                    .send());
            ids.add(events.event(
                            Topics.WALLET,
                            EventTypes.Wallet.TRANSFER_STATUS_CHANGED,
                            o,
                            o + ":u1",
                            transfer("pending", null))
                    .time(T0.plusMinutes(30))
                    .send());
            ids.add(events.event(
                            Topics.WALLET,
                            EventTypes.Wallet.TRANSFER_STATUS_CHANGED,
                            o,
                            o + ":u1",
                            transfer("confirmed", "pending"))
                    .time(T0.plusMinutes(31))
                    .send());
            ids.add(events.event(Topics.WALLET, EventTypes.Wallet.GAS_SPONSORED, o, o + ":u1", gasSponsored())
                    .time(T0.plusMinutes(31))
                    .send());
            ids.add(events.event(Topics.IDENTITY, EventTypes.Identity.CREATED, o, o + ":u1", identityCreated())
                    .time(T0.plusMinutes(44))
                    .send());
            ids.add(events.event(
                            Topics.IDENTITY,
                            EventTypes.Identity.CLAIM_ISSUED,
                            o,
                            o + ":u1",
                            EventData.claimIssued("u1", "c-u1", "0x" + "c1".repeat(32), "0x" + "d1".repeat(32)))
                    .time(T0.plusMinutes(45))
                    .send());
            // the operator's onboarding transaction: 500,000 gas at 2 gwei = 0.001 ETH
            ids.add(events.event(
                            Topics.IDENTITY,
                            EventTypes.Identity.GAS_SPENT,
                            o,
                            o + ":u1",
                            Map.of(
                                    "user_id", "u1",
                                    "tx_hash", "0x" + "e1".repeat(32),
                                    "kind", "onboard",
                                    "reverted", false,
                                    "gas_used", "500000",
                                    "gas_price", "2000000000",
                                    "gas_cost", "1000000000000000"))
                    .time(T0.plusMinutes(44))
                    .send());
            ids.add(events.event(
                            Topics.NOTIFICATION,
                            EventTypes.Notification.WEBHOOK_FAILED,
                            o,
                            o + ":e1",
                            Map.of(
                                    "endpoint_id",
                                    "e1",
                                    "project_id",
                                    project,
                                    "message_id",
                                    "m-failed",
                                    "event_type",
                                    EventTypes.Kyc.CASE_OPENED,
                                    "attempts",
                                    8,
                                    "reason",
                                    "retries-exhausted"))
                    .time(T0.plusMinutes(47))
                    .send());
            for (int i = 0; i < 2; i++) {
                ids.add(events.event(
                                Topics.NOTIFICATION,
                                EventTypes.Notification.WEBHOOK_DELIVERED,
                                o,
                                o + ":u1",
                                Map.of(
                                        "endpoint_id",
                                        "e1",
                                        "project_id",
                                        project,
                                        "message_id",
                                        "m" + i,
                                        "event_type",
                                        EventTypes.Kyc.CASE_OPENED))
                        .time(T0.plusMinutes(46))
                        .send());
            }
        }
        awaitProcessed(ids);

        String day = T0.toLocalDate().toString();
        JsonPath report = analytics(org, "?from=" + day + "&to=" + day + "&project=" + project)
                .jsonPath();
        Map<String, Object> totals = report.getMap("usage_totals");
        assertThat(totals)
                .containsEntry("kyc.cases_opened", 3)
                .containsEntry("kyc.inquiries.persona", 3)
                .containsEntry("kyc.outcome.verified", 1)
                .containsEntry("kyc.outcome.rejected", 1)
                .containsEntry("kyc.verifications.persona", 2)
                .containsEntry("wallets.provisioned", 1)
                .containsEntry("transfers.started", 1)
                .containsEntry("transfers.confirmed", 1)
                .containsEntry("transfers.failed", 0)
                .containsEntry("identities.created", 1)
                .containsEntry("claims.issued", 1)
                .containsEntry("webhooks.delivered", 2)
                .containsEntry("webhooks.failed", 1)
                .containsEntry("gas.sponsored.platform", 1)
                .containsEntry("gas.operator", 1);
        assertThat(report.getList("periods")).containsExactly(day);

        // costs: 3 × 1.50 + 2 × 0.75 + 1 × 2 + 1 × 0.10 + 0.002 ETH × 3000 + 0.001 ETH × 3000 = 17.10
        assertThat(amount(report, "persona_inquiries")).isEqualByComparingTo("4.50");
        assertThat(amount(report, "persona_verifications")).isEqualByComparingTo("1.50");
        assertThat(amount(report, "dfns_wallets")).isEqualByComparingTo("2");
        assertThat(amount(report, "dfns_transfers")).isEqualByComparingTo("0.10");
        assertThat(amount(report, "sponsored_gas")).isEqualByComparingTo("6");
        assertThat(amount(report, "identity_operator_gas")).isEqualByComparingTo("3");
        assertThat(new BigDecimal(report.getString("costs.total"))).isEqualByComparingTo("17.10");
        assertThat(report.getString("costs.currency")).isEqualTo("USD");

        // the funnel: 3 started, 2 submitted, 1 verified, 1 wallet, 1 claim
        assertThat(report.<Integer>getList("funnel.users")).containsExactly(3, 2, 1, 1, 1);
        assertThat(report.<Object>getList("funnel.drop_off")).containsExactly(null, 0.3333f, 0.5f, 0.0f, 0.0f);

        // durations from the KYC start: 600 s, 900 s, 2,700 s, each reported as its bucket's upper bound
        assertDuration(report, "to_verified", 600);
        assertDuration(report, "to_wallet", 900);
        assertDuration(report, "to_claim", 2700);

        // by hour: the cases in 10:00, the claim in 10:00 too; nothing at 11:00
        JsonPath hourly =
                analytics(org, "?granularity=hour&from=" + day + "&to=" + day).jsonPath();
        assertThat(hourly.getList("periods")).hasSize(24);
        assertThat(hourly.<Integer>getList("usage.'kyc.cases_opened'").get(10)).isEqualTo(3);
        assertThat(hourly.<Integer>getList("usage.'kyc.cases_opened'").get(11)).isZero();
        assertThat(hourly.<Integer>getList("usage.'claims.issued'").get(10)).isEqualTo(1);

        // the other organization sees its own case only
        JsonPath theirs = analytics(other, "?from=" + day + "&to=" + day).jsonPath();
        assertThat(theirs.<Integer>get("usage_totals.'kyc.cases_opened'")).isEqualTo(1);
        assertThat(theirs.<Integer>get("usage_totals.'claims.issued'")).isZero();

        // and the platform sees both
        JsonPath platform = given().auth()
                .oauth2(OidcUsers.platformAdmin())
                .get("/platform/analytics?from=" + day + "&to=" + day)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(platform.<Integer>get("usage_totals.'kyc.cases_opened'")).isGreaterThanOrEqualTo(4);
        assertThat(platform.getList("by_organization.org_id")).contains(o, other.id());
    }

    @Test
    void requestLatencyIsRecordedPerRouteClassAndOrganization() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String project = Tenants.project(org, "sandbox");
        String key = Tenants.apiKey(org, project, "identities:read", "kyc:read").key();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(key).get("/identities/latency-" + i).then().statusCode(201);
        }
        given().auth().oauth2(key).get("/compliance/latency").then().statusCode(201);
        // a provider webhook acts in no organization the gateway checked: the platform's figures only
        String webhook = "/webhooks/persona/latency-" + UUID.randomUUID();
        given().body("{}").post(webhook).then().statusCode(201);

        waitFor("the latency flushed")
                .until(
                        () -> {
                            latency.flush();
                            return latencyCounts(org.id());
                        },
                        counts -> counts == 4);
        JsonPath report = analytics(org, "?project=" + project).jsonPath();
        assertThat(report.<Integer>get("usage_totals.'requests.identities'")).isEqualTo(3);
        assertThat(report.<Integer>get("usage_totals.'requests.kyc'")).isEqualTo(1);
        Map<String, Object> identities = report.<Map<String, Object>>getList("performance.routes").stream()
                .filter(r -> "identities".equals(r.get("route_class")))
                .findFirst()
                .orElseThrow();
        assertThat(identities.get("requests")).isEqualTo(3);
        assertThat(((Number) identities.get("p50_ms")).doubleValue()).isPositive();
        assertThat(((Number) identities.get("p99_ms")).doubleValue())
                .isGreaterThanOrEqualTo(((Number) identities.get("p50_ms")).doubleValue());

        assertThat(report.<Integer>get("usage_totals.'requests.webhooks'")).isZero();
        waitFor("the webhook's latency flushed")
                .until(
                        () -> {
                            latency.flush();
                            return new TestDatabase(dataSource)
                                    .count("select coalesce(sum(count), 0) from analytics_histogram_hourly"
                                            + " where org_id = '' and metric = 'latency.webhooks'");
                        },
                        count -> count >= 1);
        JsonPath platform = given().auth()
                .oauth2(OidcUsers.platformAdmin())
                .get("/platform/analytics?granularity=hour")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(platform.<Integer>get("usage_totals.'requests.webhooks'")).isGreaterThanOrEqualTo(1);
        assertThat(platform.<Integer>get("usage_totals.'requests.identities'")).isGreaterThanOrEqualTo(3);

        // another organization has none of these requests
        Tenants.Org other = Tenants.organization("admin-" + UUID.randomUUID());
        assertThat(analytics(other, "").jsonPath().<Integer>get("usage_totals.'requests.identities'"))
                .isZero();
    }

    @Test
    void theRollUpMovesOldHoursIntoDaysAndRetentionDeletesWhatIsTooOld() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        TestDatabase db = new TestDatabase(dataSource);
        Instant now = Instant.now();
        LocalDate oldDay = LocalDate.now(ZoneOffset.UTC).minusDays(40);
        Instant oldHour = oldDay.atTime(9, 0).toInstant(ZoneOffset.UTC);
        for (int hour = 0; hour < 2; hour++) {
            db.update(
                    "insert into analytics_hourly (org_id, project_key, hour, metric, count, total) values (?, '', ?, ?, 2, 5)",
                    org.id(),
                    Timestamp.from(oldHour.plus(hour, ChronoUnit.HOURS)),
                    AnalyticsMetrics.WALLETS_PROVISIONED);
            db.update(
                    "insert into analytics_histogram_hourly (org_id, project_key, hour, metric, bucket, count)"
                            + " values (?, '', ?, ?, 40, 3)",
                    org.id(),
                    Timestamp.from(oldHour.plus(hour, ChronoUnit.HOURS)),
                    AnalyticsMetrics.TO_VERIFIED);
        }
        LocalDate expiredDay = LocalDate.now(ZoneOffset.UTC).minusDays(401);
        db.update(
                "insert into analytics_daily (org_id, project_key, day, metric, count, total) values (?, '', ?, ?, 7, 0)",
                org.id(),
                java.sql.Date.valueOf(expiredDay),
                AnalyticsMetrics.WALLETS_PROVISIONED);
        db.update(
                "insert into analytics_onboarding (org_id, user_id, updated_at) values (?, 'old-user', ?)",
                org.id(),
                Timestamp.from(now.minus(401, ChronoUnit.DAYS)));
        String period = "?from=" + oldDay + "&to=" + oldDay;
        JsonPath before = analytics(org, period).jsonPath();

        rollup.run(now);

        assertThat(db.count("select count(*) from analytics_hourly where org_id = ?", org.id()))
                .isZero();
        assertThat(db.count("select count(*) from analytics_histogram_hourly where org_id = ?", org.id()))
                .isZero();
        assertThat(db.scalar(
                        "select count from analytics_daily where org_id = ? and day = ? and metric = ?",
                        org.id(),
                        java.sql.Date.valueOf(oldDay),
                        AnalyticsMetrics.WALLETS_PROVISIONED))
                .isEqualTo(4L);
        assertThat(db.count(
                        "select count from analytics_histogram_daily where org_id = ? and day = ? and bucket = 40",
                        org.id(),
                        java.sql.Date.valueOf(oldDay)))
                .isEqualTo(6);
        assertThat(db.count(
                        "select count(*) from analytics_daily where org_id = ? and day = ?",
                        org.id(),
                        java.sql.Date.valueOf(expiredDay)))
                .isZero();
        assertThat(db.count("select count(*) from analytics_onboarding where org_id = ?", org.id()))
                .isZero();
        // a day reads the same before and after its hours were moved; a second pass changes nothing
        JsonPath after = analytics(org, period).jsonPath();
        assertThat(after.<Integer>get("usage_totals.'wallets.provisioned'")).isEqualTo(4);
        assertThat(after.<Integer>get("usage_totals.'wallets.provisioned'"))
                .isEqualTo(before.<Integer>get("usage_totals.'wallets.provisioned'"));
        assertThat(after.<Integer>get("performance.onboarding[0].users")).isEqualTo(6);
        rollup.run(now);
        assertThat(analytics(org, period).jsonPath().<Integer>get("usage_totals.'wallets.provisioned'"))
                .isEqualTo(4);
    }

    @Test
    void badPeriodsAndForeignProjectsAreRefused() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        Tenants.Org other = Tenants.organization("admin-" + UUID.randomUUID());
        String theirProject = Tenants.project(other, "sandbox");
        Map<String, String> bad = new HashMap<>();
        bad.put("?granularity=minute", "invalid-granularity");
        bad.put("?from=2026-12-10&to=2026-12-01", "invalid-period");
        bad.put("?from=2026-13-01", "invalid-period");
        bad.put("?from=1999-12-31&to=2000-01-01", "invalid-period");
        bad.put("?from=2025-01-01&to=2026-12-01", "invalid-period");
        bad.put("?granularity=hour&from=2026-01-01&to=2026-02-01", "invalid-period");
        bad.forEach((query, slug) -> {
            Response response = given().auth().oauth2(org.adminToken()).get("/orgs/" + org.id() + "/analytics" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getString("type")).as(query).endsWith(slug);
        });
        Response platform = given().auth().oauth2(OidcUsers.platformAdmin()).get("/platform/analytics?granularity=x");
        assertThat(platform.statusCode()).isEqualTo(400);

        // another organization's project, or no project at all: 404
        for (String project :
                List.of(theirProject, "not-a-uuid", UUID.randomUUID().toString())) {
            Response response =
                    given().auth().oauth2(org.adminToken()).get("/orgs/" + org.id() + "/analytics?project=" + project);
            assertThat(response.statusCode()).as(project).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        // a member who is no admin: 403; an org admin on the platform's: 403; an API key: 403
        String user = OidcUsers.userOf(org.id(), "user-" + UUID.randomUUID(), "user");
        assertThat(given().auth()
                        .oauth2(user)
                        .get("/orgs/" + org.id() + "/analytics")
                        .statusCode())
                .isEqualTo(403);
        assertThat(given().auth()
                        .oauth2(org.adminToken())
                        .get("/platform/analytics")
                        .statusCode())
                .isEqualTo(403);
        String project = Tenants.project(org, "sandbox");
        String key = Tenants.apiKey(org, project, "kyc:read").key();
        assertThat(given().auth()
                        .oauth2(key)
                        .get("/orgs/" + org.id() + "/analytics")
                        .statusCode())
                .isEqualTo(403);
        assertThat(given().auth().oauth2(key).get("/platform/analytics").statusCode())
                .isEqualTo(403);
        // another organization's admin: 404, as for one that does not exist
        assertThat(given().auth()
                        .oauth2(other.adminToken())
                        .get("/orgs/" + org.id() + "/analytics")
                        .statusCode())
                .isEqualTo(404);
    }

    @Inject
    RequestTiming timing;

    @Test
    void routeClassesAreTheRouteTablesAreas() {
        Map<String, String> classes = Map.of(
                "/compliance/kyc", "kyc",
                "/orgs/o/kyb/cases", "kyc",
                "/orgs/o/transactions", "wallets",
                "/paymaster", "wallets",
                "/identities/me", "identities",
                "/orgs/o/projects/p/webhooks/endpoints", "notifications",
                "/documents/d", "documents",
                "/webhooks/persona/o", "webhooks",
                "/webhooks/dfns", "webhooks",
                "/orgs/o/analytics", "gateway");
        classes.forEach((path, routeClass) ->
                assertThat(timing.routeClass(path)).as(path).isEqualTo(routeClass));
        assertThat(AnalyticsMetrics.ROUTE_CLASSES).containsAll(classes.values());
    }

    @Test
    void bucketsBoundTheirValues() {
        for (long v : new long[] {0, 1, 3, 4, 5, 7, 8, 9, 600, 900, 2700, 123_456_789L, 1L << 40}) {
            int bucket = AnalyticsBuckets.of(v);
            assertThat(AnalyticsBuckets.lowerBound(bucket)).as("%d", v).isLessThanOrEqualTo(v);
            assertThat(AnalyticsBuckets.upperBound(bucket)).as("%d", v).isGreaterThanOrEqualTo(v);
            assertThat(AnalyticsBuckets.upperBound(bucket)).as("%d", v).isLessThanOrEqualTo(Math.max(3, v + v / 4));
        }
        long[] counts = new long[AnalyticsBuckets.COUNT];
        counts[AnalyticsBuckets.of(10)] = 98;
        counts[AnalyticsBuckets.of(1000)] = 2;
        assertThat(AnalyticsBuckets.quantile(counts, 0.5))
                .isEqualTo(AnalyticsBuckets.upperBound(AnalyticsBuckets.of(10)));
        assertThat(AnalyticsBuckets.quantile(counts, 0.99))
                .isEqualTo(AnalyticsBuckets.upperBound(AnalyticsBuckets.of(1000)));
        assertThat(AnalyticsBuckets.quantile(new long[AnalyticsBuckets.COUNT], 0.5))
                .isEqualTo(-1);
    }

    private long latencyCounts(String orgId) {
        return new TestDatabase(dataSource)
                .count(
                        "select coalesce(sum(count), 0) from analytics_histogram_hourly where org_id = ? and metric like 'latency.%'",
                        orgId);
    }

    private void awaitProcessed(List<String> ids) {
        TestDatabase db = new TestDatabase(dataSource);
        waitFor("the events processed")
                .until(
                        () -> db.count(
                                "select count(*) from attest_inbox where consumer = 'gateway.analytics'"
                                        + " and event_id = any (string_to_array(?, ','))",
                                String.join(",", ids)),
                        count -> count == ids.size());
    }

    private static Response analytics(Tenants.Org org, String query) {
        Response response = given().auth().oauth2(org.adminToken()).get("/orgs/" + org.id() + "/analytics" + query);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response;
    }

    private static BigDecimal amount(JsonPath report, String item) {
        return new BigDecimal(report.getString("costs.items.find { it.item == '" + item + "' }.amount"));
    }

    private static void assertDuration(JsonPath report, String step, long seconds) {
        Map<String, Object> time = report.<Map<String, Object>>getList("performance.onboarding").stream()
                .filter(t -> step.equals(t.get("step")))
                .findFirst()
                .orElseThrow();
        assertThat(time.get("users")).isEqualTo(1);
        long p50 = ((Number) time.get("p50_seconds")).longValue();
        assertThat(p50).isEqualTo(AnalyticsBuckets.upperBound(AnalyticsBuckets.of(seconds)));
        assertThat(p50).isBetween(seconds, seconds + seconds / 4);
        assertThat(((Number) time.get("p99_seconds")).longValue()).isEqualTo(p50);
    }

    private static Map<String, Object> transfer(String status, String previousStatus) {
        Map<String, Object> data = new HashMap<>();
        data.put("transfer_id", "t1");
        data.put("wallet_id", "w1");
        data.put("user_id", "u1");
        data.put("status", status);
        data.put("previous_status", previousStatus);
        data.put("kind", "native");
        data.put("amount", "1");
        return data;
    }

    /** 0.002 ETH of gas, sponsored by the platform's paymaster, naming no project. */
    private static Map<String, Object> gasSponsored() {
        Map<String, Object> data = new HashMap<>();
        data.put("user_op_hash", "0x" + "ab".repeat(32));
        data.put("transfer_id", UUID.randomUUID().toString());
        data.put("user_id", "u1");
        data.put("sender", "0x" + "a1".repeat(20));
        data.put("gas_cost", "2000000000000000");
        data.put("success", true);
        data.put("paymaster_kind", "platform");
        return data;
    }

    private static Map<String, Object> identityCreated() {
        Map<String, Object> data = new HashMap<>();
        data.put("user_id", "u1");
        data.put("identity_address", "0x" + "11".repeat(20));
        data.put("wallet_address", "0x" + "a1".repeat(20));
        data.put("tx_hash", "0x" + "e1".repeat(32));
        data.put("block_number", 5);
        return data;
    }
}
