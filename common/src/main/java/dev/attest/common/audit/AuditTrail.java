package dev.attest.common.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.common.events.OutgoingEvent;
import dev.attest.common.events.Topics;
import dev.attest.common.outbox.Outbox;
import dev.attest.contracts.EventTypes;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Records an action in the service's audit trail ({@code attest_audit_entry}, location {@code db/audit}), inside the
 * caller's transaction: the entry stands only if the action commits. Each entry carries the next sequence number and
 * {@code hash = sha256(prev_hash + "\n" + canonical entry)}; the chain head ({@code attest_audit_chain}, one row) is
 * locked for the rest of the transaction, so concurrent transactions append one after the other and never after the
 * same entry. Cost: three statements and the outbox row, no network call. The entry is also published as
 * {@code attest.audit.entry-recorded.v1} on {@code attest.audit.v1}, which the gateway's store of every service's
 * trail consumes. Only in services that set {@value #ENABLED}{@code =true} (build time). docs/audit.md.
 *
 * <p>Lock order: record as the last step of the action, after its own row locks and writes (flush an ORM's pending
 * changes first when another audited action may lock the same rows before recording), so the chain head is held
 * briefly and always taken after the domain rows: two audited transactions then never wait on each other in a cycle.
 */
@ApplicationScoped
@IfBuildProperty(name = AuditTrail.ENABLED, stringValue = "true")
public class AuditTrail {
    /** The build-time switch: this bean, {@link AuditChain}, the retention work and the verify route exist only then. */
    public static final String ENABLED = "attest.audit.enabled";

    private static final String LOCK_HEAD =
            "select last_seq, last_hash from attest_audit_chain where id = 1 for update";
    private static final String MOVE_HEAD = "update attest_audit_chain set last_seq = ?, last_hash = ? where id = 1";
    private static final int MAX_USER_AGENT = 512;

    private final AgroalDataSource dataSource;
    private final Outbox outbox;
    private final Instance<JsonWebToken> token;
    private final Instance<CurrentVertxRequest> request;
    private final String service;

    AuditTrail(
            AgroalDataSource dataSource,
            Outbox outbox,
            Instance<JsonWebToken> token,
            Instance<CurrentVertxRequest> request,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.token = token;
        this.request = request;
        this.service = service;
    }

    /** Records {@code entry}; must run in the transaction of the action it describes. Returns the entry's seq. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long record(AuditEntry entry) {
        AuditActor actor = entry.actor() != null ? entry.actor() : currentActor();
        AuditEntry.Source source = entry.source() != null ? entry.source() : currentSource();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it: hashed as stored
        StoredEntry stored;
        try (Connection connection = dataSource.getConnection()) {
            long previousSeq;
            String previousHash;
            try (PreparedStatement lock = connection.prepareStatement(LOCK_HEAD);
                    ResultSet head = lock.executeQuery()) {
                if (!head.next()) {
                    throw new IllegalStateException("the audit chain has no head row (db/audit not migrated?)");
                }
                previousSeq = head.getLong(1);
                previousHash = head.getString(2);
            }
            StoredEntry unsigned = new StoredEntry(
                    previousSeq + 1,
                    UUID.randomUUID(),
                    at,
                    actor.subject(),
                    actor.kind(),
                    actor.rolesText(),
                    entry.orgId(),
                    entry.projectId(),
                    entry.action(),
                    entry.targetType(),
                    entry.targetId(),
                    entry.outcome(),
                    source.ip(),
                    truncate(source.userAgent()),
                    entry.changes() == null ? null : entry.changes().json(),
                    previousHash,
                    null);
            stored = withHash(unsigned);
            try (PreparedStatement insert = connection.prepareStatement(StoredEntry.INSERT)) {
                stored.bind(insert);
                insert.executeUpdate();
            }
            try (PreparedStatement move = connection.prepareStatement(MOVE_HEAD)) {
                move.setLong(1, stored.seq());
                move.setString(2, stored.hash());
                move.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record audit entry " + entry.action(), e);
        }
        outbox.publish(new OutgoingEvent(
                Topics.AUDIT,
                EventTypes.Audit.ENTRY_RECORDED,
                service,
                "audit-entry/" + service + "/" + stored.seq(),
                stored.orgId() == null ? PLATFORM_ORG : stored.orgId(),
                eventData(stored)));
        return stored.seq();
    }

    /** The envelope's organization of an entry that acts on behalf of none (the platform itself). */
    public static final String PLATFORM_ORG = "platform";

    private Map<String, Object> eventData(StoredEntry stored) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("service", service);
        data.put("entry_id", stored.id().toString());
        data.put("seq", stored.seq());
        data.put("hash", stored.hash());
        data.put("prev_hash", stored.prevHash());
        data.put("occurred_at", stored.occurredAt().toString());
        data.put("actor_subject", stored.actorSubject());
        data.put("actor_kind", stored.actorKind());
        data.put(
                "actor_roles",
                stored.actorRoles().isEmpty()
                        ? List.of()
                        : List.of(stored.actorRoles().split(" ")));
        data.put("org_id", stored.orgId());
        data.put("project_id", stored.projectId());
        data.put("action", stored.action());
        data.put("target_type", stored.targetType());
        data.put("target_id", stored.targetId());
        data.put("outcome", stored.outcome());
        data.put("source_ip", stored.sourceIp());
        data.put("user_agent", stored.userAgent());
        data.put("changes", changesTree(stored.changes()));
        return data;
    }

    private static JsonNode changesTree(String changes) {
        if (changes == null) {
            return null;
        }
        try {
            return AuditChanges.MAPPER.readTree(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit changes are not JSON", e);
        }
    }

    private static StoredEntry withHash(StoredEntry e) {
        return new StoredEntry(
                e.seq(),
                e.id(),
                e.occurredAt(),
                e.actorSubject(),
                e.actorKind(),
                e.actorRoles(),
                e.orgId(),
                e.projectId(),
                e.action(),
                e.targetType(),
                e.targetId(),
                e.outcome(),
                e.sourceIp(),
                e.userAgent(),
                e.changes(),
                e.prevHash(),
                e.computeHash(e.prevHash()));
    }

    /** The caller the gateway's token states, or this service when no request (or no token) is at hand. */
    private AuditActor currentActor() {
        if (Arc.container().requestContext().isActive() && token.isResolvable()) {
            try {
                JsonWebToken caller = token.get();
                if (caller.getSubject() != null) {
                    return AuditActor.of(caller.getSubject(), caller.getGroups());
                }
            } catch (RuntimeException e) {
                // no token in this request
            }
        }
        return AuditActor.service(service);
    }

    /**
     * The client's address and user agent, when a request is at hand. The address is the last entry of {@code
     * X-Forwarded-For}, the one the gateway appended (what it saw; earlier entries are the client's to write), else the
     * connection's peer. The gateway states its own ({@link AuditEntry#withSource}).
     */
    private AuditEntry.Source currentSource() {
        if (!Arc.container().requestContext().isActive() || !request.isResolvable()) {
            return AuditEntry.Source.NONE;
        }
        RoutingContext context = request.get().getCurrent();
        if (context == null) {
            return AuditEntry.Source.NONE;
        }
        HttpServerRequest http = context.request();
        String forwarded = http.getHeader("X-Forwarded-For");
        String ip;
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            ip = hops[hops.length - 1].trim();
        } else {
            ip = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        }
        return new AuditEntry.Source(ip, http.getHeader("User-Agent"));
    }

    private static String truncate(String value) {
        return value == null || value.length() <= MAX_USER_AGENT ? value : value.substring(0, MAX_USER_AGENT);
    }
}
