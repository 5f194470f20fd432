package dev.attest.common.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attest.common.events.Topics;
import dev.attest.common.security.Roles;
import dev.attest.contracts.EventTypes;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The audit trail of common, in the test application: what an entry holds (the caller from the gateway's token, the
 * address the gateway forwarded, secrets masked in the row and the event), the chain under concurrent writers, and
 * verification reporting an edited, a deleted and a missing newest entry; retention keeping the rest verifiable.
 * Every test that breaks the chain repairs it before it ends: the chain is the test application's one.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class AuditChainTest {
    private static final String SECRET = "s3cr3t-" + UUID.randomUUID();

    @Inject
    AuditTrail audit;

    @Inject
    AuditChain chain;

    @Inject
    AuditChainHead head;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAdminsChangeIsRecordedWithTheCallerItsSourceAndItsSecretsMasked() throws Exception {
        String org = "org-" + UUID.randomUUID();
        long seq = given().header("Authorization", "Bearer " + GatewayTokens.user(org, "admin-1", Roles.ORG_ADMIN))
                .header("X-Forwarded-For", "198.51.100.1, 203.0.113.7")
                .header("User-Agent", "audit-test/1.0")
                .contentType("application/json")
                .body(Map.of("name", "after", "api_secret", SECRET))
                .put("/test/orgs/" + org + "/audited-settings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("seq");

        Map<String, String> row = row(
                "select actor_subject, actor_kind, actor_roles, org_id, action, target_type,"
                        + " target_id, outcome, source_ip, user_agent, changes, hash, prev_hash from attest_audit_entry"
                        + " where seq = ?",
                seq);
        assertThat(row)
                .containsEntry("actor_subject", "admin-1")
                .containsEntry("actor_kind", "user")
                .containsEntry("org_id", org)
                .containsEntry("action", "test-settings.updated")
                .containsEntry("target_type", "test-settings")
                .containsEntry("outcome", "success")
                .containsEntry("source_ip", "203.0.113.7") // the hop the gateway appended, not the client's claim
                .containsEntry("user_agent", "audit-test/1.0");
        assertThat(row.get("actor_roles")).contains(Roles.ORG_ADMIN);
        assertThat(row.get("changes"))
                .isEqualTo("{\"after\":{\"api_secret\":\"***\",\"name\":\"after\"},"
                        + "\"before\":{\"api_secret\":\"***\",\"name\":\"before\"}}");
        assertThat(String.join("|", row.values())).doesNotContain(SECRET).doesNotContain("old-secret-value");

        String event = row(
                        "select data::text as data, topic, type from attest_outbox where org_id = ? and type = ?",
                        org,
                        "attest.audit.entry-recorded.v1")
                .toString();
        assertThat(event)
                .contains("attest.audit.v1")
                .contains("\"seq\": " + seq)
                .contains(row.get("hash"))
                .contains("***")
                .doesNotContain(SECRET)
                .doesNotContain("old-secret-value");
        assertThat(chain.verify().ok()).isTrue();
    }

    @Test
    void concurrentTransactionsAppendOneAfterTheOtherAndARolledBackActionLeavesNoEntry() throws Exception {
        long before = headSeq();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                writers.add(pool.submit(() -> recordOne("concurrent")));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    audit.record(AuditEntry.of("test.rolled-back", "org-x", "thing", "1"));
                    throw new IllegalStateException("the action fails");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(headSeq()).isEqualTo(before + 40);
        assertThat(count("select count(*) from attest_audit_entry where action = 'test.rolled-back'"))
                .isZero();
        AuditChain.Verification verification = chain.verify();
        assertThat(verification.ok()).as(verification.toString()).isTrue();
        assertThat(verification.lastSeq()).isEqualTo(before + 40);
    }

    @Test
    void anEditedEntryIsReportedAtItsSequenceAlsoByTheVerifyEndpoint() throws Exception {
        recordOne("edit-1");
        long edited = recordOne("edit-2");
        recordOne("edit-3");
        given().get(AuditVerifyRoute.PATH).then().statusCode(200);

        // Any column: the action, then the hash itself (its successor's prev_hash no longer matches, or it itself).
        update("update attest_audit_entry set action = 'nothing-happened' where seq = ?", edited);
        AuditChain.Verification verification = chain.verify();
        assertThat(verification.ok()).isFalse();
        assertThat(verification.brokenAt()).isEqualTo(edited);
        assertThat(verification.reason()).contains("edited");
        given().get(AuditVerifyRoute.PATH)
                .then()
                .statusCode(409)
                .body("ok", org.hamcrest.Matchers.is(false))
                .body("broken_at", org.hamcrest.Matchers.is((int) edited));
        update("update attest_audit_entry set action = 'test.edit-2' where seq = ?", edited);
        assertThat(chain.verify().ok()).isTrue();

        update("update attest_audit_entry set changes = '{\"after\":{\"limit\":1}}' where seq = ?", edited);
        assertThat(chain.verify().brokenAt()).isEqualTo(edited);
        update("update attest_audit_entry set changes = null where seq = ?", edited);
        assertThat(chain.verify().ok()).isTrue();
    }

    @Test
    void aDeletedEntryIsReportedAsTheGapItLeavesAndADeletedNewestEntryAsMissing() throws Exception {
        recordOne("delete-1");
        long deleted = recordOne("delete-2");
        recordOne("delete-3");
        update("create table audit_saved as select * from attest_audit_entry where seq = ?", deleted);
        try {
            update("delete from attest_audit_entry where seq = ?", deleted);
            AuditChain.Verification verification = chain.verify();
            assertThat(verification.ok()).isFalse();
            assertThat(verification.brokenAt()).isEqualTo(deleted);
            assertThat(verification.reason()).contains("missing");
        } finally {
            update("insert into attest_audit_entry select * from audit_saved");
            update("drop table audit_saved");
        }
        assertThat(chain.verify().ok()).isTrue();

        long newest = recordOne("delete-newest");
        update("create table audit_saved as select * from attest_audit_entry where seq = ?", newest);
        try {
            update("delete from attest_audit_entry where seq = ?", newest);
            AuditChain.Verification verification = chain.verify();
            assertThat(verification.ok()).isFalse();
            assertThat(verification.brokenAt()).isEqualTo(newest);
        } finally {
            update("insert into attest_audit_entry select * from audit_saved");
            update("drop table audit_saved");
        }
        assertThat(chain.verify().ok()).isTrue();
    }

    @Test
    void retentionDeletesOldEntriesAndMovesTheAnchorSoTheRestStillVerifies() throws Exception {
        recordOne("old-1");
        long lastOld = recordOne("old-2");
        Thread.sleep(5);
        Instant cutoff = Instant.now();
        Thread.sleep(5);
        long firstKept = recordOne("kept-1");
        recordOne("kept-2");

        int deleted = 0;
        int pass;
        while ((pass = chain.deleteOlderThan(cutoff, 3)) > 0) {
            deleted += pass;
        }
        assertThat(deleted).isGreaterThanOrEqualTo(2);
        assertThat(count("select count(*) from attest_audit_entry where seq <= " + lastOld))
                .isZero();
        assertThat(count("select anchor_seq from attest_audit_anchor")).isEqualTo(lastOld);
        AuditChain.Verification verification = chain.verify();
        assertThat(verification.ok()).as(verification.toString()).isTrue();
        assertThat(verification.anchorSeq()).isEqualTo(lastOld);
        assertThat(verification.checked()).isGreaterThanOrEqualTo(2);

        // After the anchor, an edit is still found: the first kept entry's prev_hash is checked against the anchor.
        update("update attest_audit_entry set prev_hash = repeat('1', 64) where seq = ?", firstKept);
        assertThat(chain.verify().brokenAt()).isEqualTo(firstKept);
        // ... and retention does not erase a break: it stops before it.
        assertThat(chain.deleteOlderThan(Instant.now().plusSeconds(60), 100)).isZero();
        update(
                "update attest_audit_entry set prev_hash = (select anchor_hash from attest_audit_anchor) where seq = ?",
                firstKept);
        assertThat(chain.verify().ok()).isTrue();
    }

    @Test
    void theHeadIsPublishedAfterTheEntriesForTheGatewayToCompareWith() throws Exception {
        try (TopicReader topic = TopicReader.of(Topics.AUDIT)) {
            recordOne("before-head");
            long seq = headSeq();
            String hash = row("select last_hash from attest_audit_chain").get("last_hash");

            head.runPass();

            var records = topic.readUntil(
                    r -> r.stream()
                            .anyMatch(rec -> TopicReader.header(rec, "ce_type").equals(EventTypes.Audit.CHAIN_HEAD)
                                    && new String(rec.value()).contains(hash)),
                    java.time.Duration.ofSeconds(30));
            var ofService = records.stream()
                    .filter(rec -> rec.key().equals("common-test"))
                    .toList();
            var last = ofService.get(ofService.size() - 1);
            assertThat(TopicReader.header(last, "ce_type")).isEqualTo(EventTypes.Audit.CHAIN_HEAD);
            var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(last.value());
            assertThat(data.get("seq").asLong()).isEqualTo(seq);
            assertThat(data.get("hash").asText()).isEqualTo(hash);
            var before = ofService.get(ofService.size() - 2);
            assertThat(TopicReader.header(before, "ce_type"))
                    .as("after the entry it names, on the same key")
                    .isEqualTo(EventTypes.Audit.ENTRY_RECORDED);
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(before.value())
                            .get("hash")
                            .asText())
                    .isEqualTo(hash);
        }
    }

    @Test
    void secretsAreMaskedAtAnyDepthAndUnsetOnesStayNull() {
        record Inner(String privateKey, String label) {}
        record Outer(String token, Inner inner, String webhookSecret) {}
        String json = AuditChanges.of(
                        null, new Outer(SECRET, new Inner(SECRET, "x"), null), "token", "private-key", "webhook_secret")
                .json();
        assertThat(json)
                .isEqualTo("{\"after\":{\"inner\":{\"label\":\"x\",\"private_key\":\"***\"},\"token\":\"***\","
                        + "\"webhook_secret\":null},\"before\":null}");
    }

    private long recordOne(String name) {
        return QuarkusTransaction.requiringNew()
                .call(() -> audit.record(AuditEntry.of("test." + name, "org-chain", "thing", name)));
    }

    private long headSeq() throws SQLException {
        return count("select last_seq from attest_audit_chain");
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private void update(String sql, Object... params) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }

    private Map<String, String> row(String sql, Object... params) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).as("a row for " + sql).isTrue();
                Map<String, String> values = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    values.put(row.getMetaData().getColumnLabel(i), row.getString(i));
                }
                return values;
            }
        }
    }
}
