package dev.attest.wallet.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.attest.common.audit.AuditChain;
import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TopicReader;
import dev.attest.wallet.support.DfnsAccount;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * wallet-service's audit trail: an admin's Dfns settings and spending policy changes recorded with the admin, the
 * organization, the address the gateway forwarded and the before/after, every Dfns secret masked in the row and in
 * the event the gateway's store receives; the chain verifies.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class AuditTrailTest {
    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditChain chain;

    @Test
    void dfnsSettingsAndSpendingPolicyChangesAreRecordedWithEverySecretMasked() throws Exception {
        DfnsAccount org = DfnsAccount.register("EC");
        try (TopicReader events = TopicReader.of(Topics.AUDIT)) {
            org.configure();
            org.configure(Map.of("per_transfer_limit", "1000"));
            given().auth()
                    .oauth2(org.admin())
                    .header("X-Forwarded-For", "192.0.2.10")
                    .header("User-Agent", "console/1")
                    .contentType("application/json")
                    .body("{\"per_transfer_limit\":\"2000\",\"daily_count_limit\":5}")
                    .put("/orgs/" + org.orgId + "/spending-policy")
                    .then()
                    .statusCode(200);

            List<Map<String, String>> rows = rows(org.orgId);
            assertThat(rows)
                    .extracting(row -> row.get("action"))
                    .containsExactly("dfns-settings.created", "dfns-settings.updated", "spending-policy.updated");
            for (Map<String, String> row : rows) {
                assertThat(row)
                        .containsEntry("actor_subject", "admin-" + org.orgId)
                        .containsEntry("actor_kind", "user")
                        .containsEntry("org_id", org.orgId)
                        .containsEntry("outcome", "success");
                assertThat(row.get("actor_roles")).contains("org-admin");
            }
            assertThat(rows.get(0).get("changes"))
                    .contains("\"before\":null")
                    .contains("\"token\":\"***\"")
                    .contains("\"private_key\":\"***\"")
                    .contains("\"webhook_secret\":\"***\"")
                    .contains("\"previous_webhook_secret\":null")
                    .contains("\"credential_id\":\"" + org.credentialId + "\"");
            assertThat(rows.get(1).get("changes"))
                    .contains("\"before\":{")
                    .contains("\"per_transfer_limit\":\"1000\"")
                    .contains("\"per_transfer_limit\":null");
            assertThat(rows.get(2))
                    .containsEntry("target_type", "spending-policy")
                    .containsEntry("source_ip", "192.0.2.10")
                    .containsEntry("user_agent", "console/1");
            assertThat(rows.get(2).get("changes"))
                    .contains("\"daily_count_limit\":5")
                    .contains("\"per_transfer_limit\":\"2000\"");
            String stored = rows.toString();
            assertNoSecret(stored, org);

            List<ConsumerRecord<String, byte[]>> published =
                    events.readUntil(records -> ofOrg(records, org.orgId).size() >= 3, Duration.ofSeconds(20));
            List<String> data = ofOrg(published, org.orgId);
            assertThat(data).hasSize(3);
            assertThat(data.get(0)).contains("\"service\": \"wallet-service\"").contains("\"token\": \"***\"");
            assertNoSecret(String.join("\n", data), org);
        }
        AuditChain.Verification verification = chain.verify();
        assertThat(verification.ok()).as(verification.toString()).isTrue();
        given().get("/q/audit/verify").then().statusCode(200).body("ok", equalTo(true));
    }

    private static void assertNoSecret(String text, DfnsAccount org) {
        assertThat(text)
                .doesNotContain(org.token)
                .doesNotContain(org.webhookSecret)
                .doesNotContain("PRIVATE KEY")
                .doesNotContain(org.privateKeyPem.lines().skip(1).findFirst().orElseThrow());
    }

    private static List<String> ofOrg(List<ConsumerRecord<String, byte[]>> records, String orgId) {
        return records.stream()
                .filter(r -> EventTypes.Audit.ENTRY_RECORDED.equals(TopicReader.header(r, "ce_type")))
                .filter(r -> orgId.equals(TopicReader.header(r, "ce_orgid")))
                .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .toList();
    }

    private List<Map<String, String>> rows(String orgId) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select * from attest_audit_entry where org_id = ? order by seq")) {
            select.setString(1, orgId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                        values.put(row.getMetaData().getColumnLabel(i), row.getString(i));
                    }
                    rows.add(values);
                }
            }
        }
        return rows;
    }
}
