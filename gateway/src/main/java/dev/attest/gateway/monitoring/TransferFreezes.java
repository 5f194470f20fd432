package dev.attest.gateway.monitoring;

import dev.attest.common.events.OutgoingEvent;
import dev.attest.common.events.Topics;
import dev.attest.common.outbox.Outbox;
import dev.attest.common.problem.ProblemException;
import dev.attest.contracts.EventTypes;
import dev.attest.gateway.security.EdgeCaller;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Transfers frozen by an incident response, for an organization, a project, or a user acting in an organization:
 * every request that would move value (a new transfer, a transfer approval, a sponsored operation) is refused at
 * the edge, 403 {@code transfers-frozen}, read from the database on each such request, so at once on every
 * replica. Each freeze and lift is announced on {@code attest.security.v1} (outbox, in the action's transaction), on
 * which wallet-service holds the transfers it accepted before and has not sent yet (docs/security-monitoring.md).
 */
@ApplicationScoped
public class TransferFreezes {
    public static final String ORGANIZATION = "organization";
    public static final String PROJECT = "project";
    public static final String USER = "user";

    /** The requests that move value: new transfers, transfer approvals, and the paymaster's sponsorship. */
    private static final Pattern MOVES_VALUE = Pattern.compile(
            "/wallets/[^/]+/transfers/?|/orgs/[^/]+/transfer-approvals/[^/]+/approve/?|/paymaster(/.*)?");

    private static final String FROZEN = "select exists (select 1 from transfer_freeze where"
            + " (kind = 'organization' and target = ?) or (kind = 'project' and target = ?)"
            + " or (kind = 'user' and target = ? and org_id = cast(? as uuid)))";

    private final DataSource dataSource;
    private final Outbox outbox;

    TransferFreezes(DataSource dataSource, Outbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    /** What a freeze's events carry. */
    record FreezeChanged(String kind, String target, String orgId) {}

    /** Whether a request of {@code method} to {@code path} would move value. */
    public static boolean movesValue(String method, String path) {
        return "POST".equals(method) && MOVES_VALUE.matcher(path).matches();
    }

    /** The 403 refusal of a request by {@code caller} in {@code org} and {@code project} while its transfers are frozen. */
    public Optional<ProblemException> refusal(EdgeCaller caller, Optional<UUID> org, Optional<UUID> project) {
        String orgId = org.map(UUID::toString).orElse(null);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(FROZEN)) {
            query.setString(1, orgId);
            query.setString(2, project.map(UUID::toString).orElse(null));
            query.setString(3, caller.isApiKey() ? null : caller.subject());
            query.setString(4, orgId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                if (!row.getBoolean(1)) {
                    return Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the transfer freezes", e);
        }
        return Optional.of(new ProblemException(
                403,
                "transfers-frozen",
                "Transfers frozen",
                "Transfers are frozen here by the administrators' response to a security incident; nothing was"
                        + " sent."));
    }

    /** Freezes; false when it was frozen already (the first freeze's reason and time are kept). */
    boolean freeze(String kind, String target, UUID orgId, String reason, String by, Instant at) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into transfer_freeze"
                        + " (kind, target, org_id, reason, frozen_by, frozen_at) values (?, ?, ?, ?, ?, ?)"
                        + " on conflict do nothing")) {
            insert.setString(1, kind);
            insert.setString(2, target);
            insert.setObject(3, orgId);
            insert.setString(4, reason);
            insert.setString(5, by);
            insert.setTimestamp(6, Timestamp.from(at));
            boolean frozen = insert.executeUpdate() == 1;
            if (frozen) {
                announce(EventTypes.Security.TRANSFERS_FROZEN, kind, target, orgId);
            }
            return frozen;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot freeze transfers", e);
        }
    }

    /** Lifts a freeze; false when there was none. */
    boolean lift(String kind, String target, UUID orgId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from transfer_freeze where kind = ? and target = ? and org_id = ?")) {
            delete.setString(1, kind);
            delete.setString(2, target);
            delete.setObject(3, orgId);
            boolean lifted = delete.executeUpdate() == 1;
            if (lifted) {
                announce(EventTypes.Security.TRANSFERS_UNFROZEN, kind, target, orgId);
            }
            return lifted;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lift a transfer freeze", e);
        }
    }

    /** Keyed by organization: its freezes and lifts reach wallet-service in the order they were committed. */
    private void announce(String type, String kind, String target, UUID orgId) {
        outbox.publish(new OutgoingEvent(
                Topics.SECURITY,
                type,
                orgId.toString(),
                "transfer-freeze/" + kind + "/" + target,
                orgId.toString(),
                new FreezeChanged(kind, target, orgId.toString())));
    }
}
