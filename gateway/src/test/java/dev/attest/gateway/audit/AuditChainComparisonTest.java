package dev.attest.gateway.audit;

import static dev.attest.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.common.audit.AuditTrail;
import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.gateway.monitoring.IncidentDetection;
import dev.attest.gateway.support.RecordingUpstream;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The gateway compares each service's audit chain head with its copy of the service's entries: a head that matches
 * is recorded; a head whose hash differs from the copy's entry at its sequence (the service's chain rewritten), or a
 * copy whose links are broken (edited at the gateway), raises one critical platform incident. The service here is
 * the tests' publisher ({@code /attest/test}), whose entries and heads the test writes as a service's outbox would.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class AuditChainComparisonTest {
    private static final String SERVICE = "test";
    private static final String GENESIS = "0".repeat(64);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IncidentDetection detection;

    @Test
    void aMatchingHeadIsRecordedAndARewrittenOneOrAnEditedCopyRaisesOneIncident() {
        List<String> hashes = List.of(randomHash(), randomHash(), randomHash(), randomHash());
        publishEntry(1, hashes.get(0), GENESIS);
        publishEntry(2, hashes.get(1), hashes.get(0));
        publishHead(2, hashes.get(1));
        waitFor("the head matched")
                .until(() ->
                        sql().count("select count(*) from audit_chain_check where service = ? and seq = 2", SERVICE)
                                == 1);
        assertThat(signals()).isZero();

        // the service's chain rewritten: its head at 3 is not the entry 3 the gateway holds
        publishEntry(3, hashes.get(2), hashes.get(1));
        publishHead(3, randomHash());
        waitFor("the mismatch signalled").until(() -> signals() == 1);
        detection.evaluate(Instant.now());
        assertThat(sql().strings(
                                "select severity || ' ' || coalesce(org_id::text, 'platform') from security_incident"
                                        + " where detector = 'audit-chain' and subject = ?",
                                "service:" + SERVICE))
                .containsExactly("critical platform");
        assertThat(sql().count("select count(*) from audit_chain_check where service = ? and seq = 2", SERVICE))
                .as("the last match is kept")
                .isOne();

        // the copy edited at the gateway: entry 3's link no longer names entry 2
        sql().update("update audit_record set prev_hash = ? where service = ? and seq = 3", randomHash(), SERVICE);
        publishEntry(4, hashes.get(3), hashes.get(2));
        publishHead(4, hashes.get(3));
        waitFor("the broken copy signalled").until(() -> signals() == 2);
        detection.evaluate(Instant.now());
        assertThat(sql().count(
                                "select count(*) from security_incident where detector = 'audit-chain' and subject = ?",
                                "service:" + SERVICE))
                .as("one incident for the service, grown")
                .isOne();
        assertThat(sql().strings(
                                "select evidence::text from security_incident where detector = 'audit-chain'"
                                        + " and subject = ?",
                                "service:" + SERVICE)
                        .get(0))
                .contains("does not follow", "differs");
    }

    private long signals() {
        Object count = sql().scalar(
                        "select coalesce(sum(count), 0) from security_signal where detector = 'audit-chain' and subject = ?",
                        "service:" + SERVICE);
        return ((Number) count).longValue();
    }

    private static void publishEntry(long seq, String hash, String prevHash) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("service", SERVICE);
        entry.put("entry_id", UUID.randomUUID().toString());
        entry.put("seq", seq);
        entry.put("hash", hash);
        entry.put("prev_hash", prevHash);
        entry.put("occurred_at", Instant.now().toString());
        entry.put("actor_subject", SERVICE);
        entry.put("actor_kind", "service");
        entry.put("actor_roles", List.of());
        entry.put("action", "test.done");
        entry.put("outcome", "success");
        publish(EventTypes.Audit.ENTRY_RECORDED, entry);
    }

    private static void publishHead(long seq, String hash) {
        publish(EventTypes.Audit.CHAIN_HEAD, Map.of("service", SERVICE, "seq", seq, "hash", hash));
    }

    /** Keyed by the service, as its outbox does: entries and heads in order. */
    private static void publish(String type, Map<String, Object> data) {
        try (EventPublisher events = new EventPublisher()) {
            events.event(Topics.AUDIT, type, AuditTrail.PLATFORM_ORG, SERVICE, data)
                    .send();
        }
    }

    private static String randomHash() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private TestDatabase sql() {
        return new TestDatabase(dataSource);
    }
}
