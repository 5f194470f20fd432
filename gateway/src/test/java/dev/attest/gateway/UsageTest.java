package dev.attest.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class UsageTest {

    @Test
    void requestsAtTheEdgeAreCountedPerProjectAndDay() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String projectId = Tenants.project(org, "sandbox");
        String key = Tenants.apiKey(org, projectId, "identities:read").key();
        given().auth().oauth2(key).get("/identities/a").then().statusCode(201);
        given().auth().oauth2(key).get("/identities/b").then().statusCode(201);

        JsonPath usage = usage(org);

        assertThat(countOf(usage, projectId, "requests")).isEqualTo(2);
        assertThat(usage.getString("days[0].day"))
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    }

    @Test
    void whatTheServicesReportIsCountedOncePerEvent() throws Exception {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String projectId = Tenants.project(org, "sandbox");
        String caseOpened = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(
                    producer,
                    "attest.kyc.v1",
                    caseOpened,
                    "attest.kyc.case-opened.v1",
                    org.id(),
                    "{\"case_id\":\"c1\",\"user_id\":\"u1\",\"project_id\":\"" + projectId
                            + "\",\"provider\":\"persona\"}");
            // redelivered: the same event id must not count twice
            send(
                    producer,
                    "attest.kyc.v1",
                    caseOpened,
                    "attest.kyc.case-opened.v1",
                    org.id(),
                    "{\"case_id\":\"c1\",\"user_id\":\"u1\",\"project_id\":\"" + projectId
                            + "\",\"provider\":\"persona\"}");
            send(
                    producer,
                    "attest.kyc.v1",
                    UUID.randomUUID().toString(),
                    "attest.kyc.status-changed.v1",
                    org.id(),
                    "{\"case_id\":\"c1\",\"status\":\"verified\",\"project_id\":\"" + projectId + "\"}");
            send(
                    producer,
                    "attest.notification.v1",
                    UUID.randomUUID().toString(),
                    "attest.notification.webhook-delivered.v1",
                    org.id(),
                    "{\"endpoint_id\":\"e1\",\"project_id\":\"" + projectId
                            + "\",\"message_id\":\"m1\",\"event_type\":\"x\"}");
            send(
                    producer,
                    "attest.wallet.v1",
                    UUID.randomUUID().toString(),
                    "attest.wallet.provisioned.v1",
                    org.id(),
                    "{\"wallet_id\":\"w1\",\"user_id\":\"u1\",\"network\":\"n\"}");
            send(
                    producer,
                    "attest.wallet.v1",
                    UUID.randomUUID().toString(),
                    "attest.wallet.transfer-status-changed.v1",
                    org.id(),
                    "{\"transfer_id\":\"t1\",\"status\":\"pending\",\"previous_status\":null}");
            send(
                    producer,
                    "attest.wallet.v1",
                    UUID.randomUUID().toString(),
                    "attest.wallet.transfer-status-changed.v1",
                    org.id(),
                    "{\"transfer_id\":\"t1\",\"status\":\"confirmed\",\"previous_status\":\"pending\"}");
            producer.flush();
        }

        JsonPath usage = awaitUsage(
                org,
                u -> countOf(u, projectId, "webhooks_delivered") == 1
                        && countOf(u, projectId, "kyc_cases_opened") >= 1
                        && countOf(u, null, "wallets_provisioned") == 1
                        && countOf(u, null, "transfers") >= 1);

        assertThat(countOf(usage, projectId, "kyc_cases_opened")).isEqualTo(1);
        assertThat(countOf(usage, null, "transfers")).isEqualTo(1);
        assertThat(Db.count(
                        "select count(*) from attest_inbox where consumer = 'gateway.usage' and event_id = ?",
                        caseOpened))
                .isEqualTo(1);
    }

    private static JsonPath usage(Tenants.Org org) {
        return given().auth()
                .oauth2(org.adminToken())
                .get("/orgs/" + org.id() + "/usage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath awaitUsage(Tenants.Org org, Predicate<JsonPath> done) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonPath usage = usage(org);
        while (!done.test(usage) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            usage = usage(org);
        }
        return usage;
    }

    /** The count of {@code metric} for {@code projectId} (null: reported without a project) over all days. */
    private static long countOf(JsonPath usage, String projectId, String metric) {
        long total = 0;
        for (Map<String, Object> day : usage.<Map<String, Object>>getList("days")) {
            if (java.util.Objects.equals(day.get("project_id"), projectId)) {
                total += ((Number) ((Map<?, ?>) day.get("counts")).get(metric)).longValue();
            }
        }
        return total;
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** A CloudEvent in Kafka binary mode, as the services' outboxes write them. */
    private static void send(
            KafkaProducer<String, byte[]> producer, String topic, String id, String type, String orgId, String data) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, orgId + ":u1", data.getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(id))
                .add("ce_type", bytes(type))
                .add("ce_source", bytes("/attest/test"))
                .add("ce_orgid", bytes(orgId))
                .add("content-type", bytes("application/json"));
        producer.send(record);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
