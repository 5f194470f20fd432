package dev.attest.wallet.service;

import dev.attest.wallet.Transfer;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;

/**
 * The transfer freezes of security incident responses (issue 20, docs/security-monitoring.md), as the gateway
 * announced them: the gateway refuses new requests that move value; this service holds the transfers it accepted
 * before the freeze and has not sent to Dfns yet (a transfer waiting for an outage to end, or approved meanwhile).
 * A held transfer stays {@code requested}; the tracker tries it again after the lift.
 */
@ApplicationScoped
public class TransferFreezes {
    private static final String HOLDS = "select exists (select 1 from transfer_freeze f where f.org_id = ? and"
            + " ((f.kind = 'organization' and f.target = f.org_id) or (f.kind = 'user' and f.target = ?)"
            + " or (f.kind = 'project' and f.target = (select w.project_id from wallet w where w.id = ?))))";

    private final AgroalDataSource dataSource;

    TransferFreezes(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One freeze: {@code kind} organization, project or user, of {@code target} in organization {@code orgId}. */
    public record Freeze(String kind, String target, String orgId) {}

    /** Whether a freeze of its organization, its wallet's project or its user holds {@code transfer}. */
    public boolean holds(Transfer transfer) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(HOLDS)) {
            query.setString(1, transfer.orgId);
            query.setString(2, transfer.userId);
            query.setObject(3, transfer.walletId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the transfer freezes", e);
        }
    }

    /** Runs in the inbox transaction of the freeze's event; a freeze known already is kept as it is. */
    public void freeze(Freeze freeze, OffsetDateTime at) {
        update(
                "insert into transfer_freeze (kind, target, org_id, frozen_at) values (?, ?, ?, ?) on conflict do nothing",
                freeze,
                at == null ? OffsetDateTime.now() : at);
    }

    /** Runs in the inbox transaction of the lift's event. */
    public void lift(Freeze freeze) {
        update("delete from transfer_freeze where kind = ? and target = ? and org_id = ?", freeze, null);
    }

    private void update(String sql, Freeze freeze, OffsetDateTime at) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, freeze.kind());
            statement.setString(2, freeze.target());
            statement.setString(3, freeze.orgId());
            if (at != null) {
                statement.setTimestamp(4, Timestamp.from(at.toInstant()));
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a transfer freeze", e);
        }
    }
}
