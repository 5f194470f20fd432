package dev.attest.wallet.service;

import dev.attest.common.tenant.TenantEvent;
import dev.attest.contracts.EventTypes;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * When the gateway deletes an organization ({@code attest.tenant.organization-deleted.v1}, issue 20), erases its
 * Dfns settings (the sealed service-account token, signing key and webhook secret) in the tenant event's inbox
 * transaction, so once; what was erased is logged. Its wallets and transfers (addresses and hashes on public
 * chains, no secrets) are kept.
 */
@ApplicationScoped
public class OrganizationErasure {
    private static final Logger LOG = Logger.getLogger(OrganizationErasure.class);

    private final AgroalDataSource dataSource;

    OrganizationErasure(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onTenantEvent(@Observes TenantEvent tenantEvent) {
        if (!EventTypes.Tenant.ORGANIZATION_DELETED.equals(tenantEvent.event().type())) {
            return;
        }
        String orgId = tenantEvent.event().orgId();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from dfns_settings where org_id = ?")) {
            delete.setString(1, orgId);
            LOG.infof("organization %s deleted at the gateway: erased dfns_settings=%d", orgId, delete.executeUpdate());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot erase organization " + orgId, e);
        }
    }
}
