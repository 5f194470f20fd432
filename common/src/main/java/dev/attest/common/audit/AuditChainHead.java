package dev.attest.common.audit;

import dev.attest.common.events.OutgoingEvent;
import dev.attest.common.events.Topics;
import dev.attest.common.outbox.Outbox;
import dev.attest.common.work.DurableWork;
import dev.attest.contracts.EventTypes;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes the service's audit chain head (sequence and hash, {@code attest.audit.chain-head.v1}) every
 * {@code attest.audit.head-interval} when it moved, through the outbox and under the same key as the entries, so that
 * it reaches the gateway after them. The gateway compares it with its copy (docs/audit.md): whoever rewrites this
 * service's chain, however consistently, cannot make its head match the hashes the gateway already holds, and an
 * entry edited in the gateway's copy breaks the copy's own links. Every replica may publish: the gateway's comparison
 * of the same head twice finds the same.
 */
@ApplicationScoped
@IfBuildProperty(name = AuditTrail.ENABLED, stringValue = "true")
public class AuditChainHead implements DurableWork {
    public static final String NAME = "audit-chain-head";
    private static final String HEAD = "select last_seq, last_hash from attest_audit_chain where id = 1";

    private final AgroalDataSource dataSource;
    private final Outbox outbox;
    private final AuditConfig config;
    private final String service;
    private volatile long published;

    AuditChainHead(
            AgroalDataSource dataSource,
            Outbox outbox,
            AuditConfig config,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.config = config;
        this.service = service;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration pollInterval() {
        return config.headInterval();
    }

    @Override
    public Pass runPass() {
        long seq = QuarkusTransaction.requiringNew().call(this::publishIfMoved);
        published = Math.max(published, seq);
        return Pass.NOTHING;
    }

    /** The head, published when it is past what this replica published last; answers its sequence. */
    private long publishIfMoved() {
        long seq;
        String hash;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement head = connection.prepareStatement(HEAD);
                ResultSet row = head.executeQuery()) {
            if (!row.next()) {
                return 0;
            }
            seq = row.getLong(1);
            hash = row.getString(2);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit chain's head", e);
        }
        if (seq > published) {
            outbox.publish(new OutgoingEvent(
                    Topics.AUDIT,
                    EventTypes.Audit.CHAIN_HEAD,
                    service,
                    "audit-chain/" + service + "/" + seq,
                    AuditTrail.PLATFORM_ORG,
                    Map.of("service", service, "seq", seq, "hash", hash)));
        }
        return seq;
    }
}
